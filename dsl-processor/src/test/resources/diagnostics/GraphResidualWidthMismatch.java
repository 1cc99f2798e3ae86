package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class GraphResidualWidthMismatch {
    @Linear(out = 256) @ReLU                      Layer stem;
    @Residual @Linear(out = 128) @BatchNorm @ReLU Layer block1; //! error lamina:graph at "128": block1: @Residual adds its input (N, 256) to its layers' output (N, 128); make the last @Linear out = 256
    @Linear(out = 10)                             Layer logits;
}
