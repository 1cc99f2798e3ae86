package test;

import dev.lamina.dsl.*;

/** Wiring annotations without @Network would silently do nothing, like layer annotations. */
abstract class GraphAnnotationsOutsideNetwork {
    @Linear(out = 16) Layer stem; //! error lamina:structure at "stem": stem: @Linear only means something
    @Residual @From("stem") @Linear(out = 16) Layer block; //! error lamina:structure at "block": block: @Residual @From @Linear only means something inside a class annotated with @Network
}
