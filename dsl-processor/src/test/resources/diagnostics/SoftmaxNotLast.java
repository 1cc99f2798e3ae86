package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class SoftmaxNotLast {
    @Linear(out = 300) @Softmax Layer hidden; //! warning lamina:softmax at "@Softmax": hidden: @Softmax is not the last layer (@Linear in logits follows it)
    @Linear(out = 10) Layer logits;
}
