package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class LeakyReluNegativeSlope {
    @Linear(out = 300) @LeakyReLU(-0.01) Layer hidden; //! error lamina:range at "-0.01": hidden: @LeakyReLU(-0.01) has a negative slope
    @Linear(out = 10) Layer logits;
}
