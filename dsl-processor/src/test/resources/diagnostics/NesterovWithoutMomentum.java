package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@Sgd(lr = 0.1, nesterov = true) //! error lamina:range at "true": NesterovWithoutMomentum: @Sgd(nesterov = true) needs a momentum above 0
abstract class NesterovWithoutMomentum {
    @Linear(out = 10) Layer logits;
}
