package test;

import dev.lamina.dsl.*;

/** The stride defaults to the window, so a zero window is one error, not a second one about a stride never written. */
@Network(input = {1, 28, 28})
abstract class PoolWindowZero {
    @Conv2d(out = 4, kernel = 3) @MaxPool2d(0) Layer conv; //! error lamina:range at "0)": conv: @MaxPool2d(value = 0) must be positive
    @Flatten @Linear(out = 10) Layer logits;
}
