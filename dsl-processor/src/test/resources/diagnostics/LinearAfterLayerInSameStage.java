package test;

import dev.lamina.dsl.*;

@Network(input = 100)
abstract class LinearAfterLayerInSameStage {
    @BatchNorm @Linear(in = 50, out = 10) Layer head; //! error lamina:shape at "50": head: @Linear expects 50 input features, but the @BatchNorm before it produces 100
}
