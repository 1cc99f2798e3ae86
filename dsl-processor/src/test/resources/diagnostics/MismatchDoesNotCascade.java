package test;

import dev.lamina.dsl.*;

/** One wrong width is one error: inference continues with the declared output width. */
@Network(input = 784)
abstract class MismatchDoesNotCascade {
    @Linear(in = 700, out = 300) Layer hidden1; //! error lamina:shape at "700": hidden1: @Linear expects 700 input features
    @Linear(in = 300, out = 100) @BatchNorm(features = 100) Layer hidden2;
    @Linear(out = 10) Layer logits;
}
