package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
abstract class SoftmaxBeforeCrossEntropy {
    @Linear(out = 300) @ReLU Layer hidden;
    @Linear(out = 10) @Softmax Layer probabilities; //! warning lamina:loss at "@Softmax": probabilities: @Softmax at the end of a network trained with cross-entropy applies it twice: the loss already applies softmax to raw logits
}
