package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(epochs = 1) //! error lamina:graph at "@Train": GraphTrainNotSupported: training networks with several inputs, merges or skips is not supported yet
abstract class GraphTrainNotSupported {
    @Linear(out = 64) @ReLU            Layer stem;
    @Residual @Linear(out = 64) @ReLU  Layer block;
    @Linear(out = 10)                  Layer logits;
}
