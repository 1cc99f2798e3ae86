package test;

import dev.lamina.dsl.*;

/** Layer annotations without @Network would silently do nothing. */
abstract class LayerOutsideNetwork {
    @Linear(out = 10) Layer logits; //! error lamina:structure at "logits": logits: @Linear only has a meaning inside a class annotated with @Network; annotate LayerOutsideNetwork with @Network(input = ...)
}
