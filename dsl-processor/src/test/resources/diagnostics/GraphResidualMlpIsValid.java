package test;

import dev.lamina.dsl.*;

/** README's residual MLP: block1 = stem + layers(stem); widths inferred from each stage's source. */
@Network(input = 784)
abstract class GraphResidualMlpIsValid {
    @Linear(out = 256) @ReLU                      Layer stem;
    @Residual @Linear(out = 256) @BatchNorm @ReLU Layer block1;
    @Residual @Linear(out = 256) @BatchNorm @ReLU Layer block2;
    @Linear(out = 10)                             Layer logits;
}
