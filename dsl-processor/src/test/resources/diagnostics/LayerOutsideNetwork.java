package test;

import dev.lamina.dsl.*;

/** Layer annotations without @Network would silently do nothing: one error per field, whatever it carries. */
abstract class LayerOutsideNetwork {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden; //! error lamina:structure at "hidden": hidden: @Linear @BatchNorm @ReLU @Dropout only means something inside a class annotated with @Network; annotate LayerOutsideNetwork with @Network(input = ...)
    @Linear(out = 10) Layer logits; //! error lamina:structure at "logits": logits: @Linear only means something inside a class annotated with @Network; annotate LayerOutsideNetwork with @Network(input = ...)
}
