package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class BatchNormEpsAndMomentum {
    @Linear(out = 300) @BatchNorm(eps = 0) Layer hidden1; //! error lamina:range at "0) Layer": hidden1: @BatchNorm(eps = 0.0) must be positive
    @Linear(out = 300) @BatchNorm(momentum = 1.5) Layer hidden2; //! error lamina:range at "1.5": hidden2: @BatchNorm(momentum = 1.5) must be in [0, 1]
    @Linear(out = 10) Layer logits;
}
