package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Adam(lr = 0.01) //! error lamina:train at "@Adam": OptimizerWithoutTrain: @Adam only has a meaning next to @Train; add @Train to the network
abstract class OptimizerWithoutTrain {
    @Linear(out = 10) Layer logits;
}
