package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@Adam(
        lr = -0.001, //! error lamina:range at "-0.001": AdamRanges: @Adam(lr = -0.001) is out of range
        beta2 = 1.0, //! error lamina:range at "1.0": AdamRanges: @Adam(beta2 = 1.0) is out of range: betas must be in [0, 1)
        eps = 0) //! error lamina:range at "0": AdamRanges: @Adam(eps = 0.0) is out of range
abstract class AdamRanges {
    @Linear(out = 10) Layer logits;
}
