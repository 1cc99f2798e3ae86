package test;

import dev.lamina.dsl.*;

/**
 * A private convolution stage is one error: the stages after it still see its output (6x14x14), not the
 * unconvolved 1x28x28 input.
 */
@Network(input = {1, 28, 28})
abstract class CnnStageFieldNotAssignable {
    @Conv2d(in = 1, out = 6, kernel = 3, padding = 1) @ReLU @MaxPool2d(2) private Layer conv; //! error lamina:structure at "conv": conv: a stage field must not be private
    @Conv2d(in = 6, out = 8, kernel = 3, padding = 1) Layer conv2;
    @Flatten Layer flat;
    @Linear(in = 1568, out = 10) Layer logits;
}
