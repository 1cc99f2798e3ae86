package test;

import dev.lamina.dsl.*;

@Network(input = {1, 28, 28})
abstract class ConvRanges {
    @Conv2d(out = 4, kernel = 0) Layer conv1; //! error lamina:range at "0)": conv1: @Conv2d(kernel = 0) must be positive
    @Conv2d(out = 4, kernel = 3, padding = -1) Layer conv2; //! error lamina:range at "-1": conv2: @Conv2d(padding = -1) must be at least 0
    @MaxPool2d(value = 2, padding = 2) Layer pool; //! error lamina:range at "2)": pool: @MaxPool2d(padding = 2) must be at least 0 and at most half the window (1)
    @Flatten @Linear(out = 10) Layer logits;
}
