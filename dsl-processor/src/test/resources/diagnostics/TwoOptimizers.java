package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@Adam
@Sgd(lr = 0.1) //! error lamina:train at "@Sgd": TwoOptimizers has two optimizers; keep either @Adam or @Sgd
abstract class TwoOptimizers {
    @Linear(out = 10) Layer logits;
}
