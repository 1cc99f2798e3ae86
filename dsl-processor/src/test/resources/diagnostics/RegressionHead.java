package test;

import dev.lamina.dsl.*;

@Network(input = 16)
@Train(loss = Loss.MSE)
abstract class RegressionHead {
    @Linear(out = 1) @Sigmoid Layer value; //! error lamina:loss at "@Sigmoid": value: @Sigmoid at the end of a network trained with MSE squeezes its outputs into (0, 1), but regression outputs are unbounded numbers; remove @Sigmoid
}

@Network(input = 16)
@Train(loss = Loss.L1)
abstract class RegressionSoftmax {
    @Linear(out = 1) @Softmax Layer value; //! error lamina:loss at "@Softmax": value: @Softmax at the end of a network trained with L1 squeezes its outputs into probabilities that sum to 1
}
