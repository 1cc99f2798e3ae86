package test;

import dev.lamina.dsl.*;

@Network(input = {1, 28, 28})
abstract class ConvChannelsMismatch {
    @Conv2d(out = 8, kernel = 3) @ReLU Layer conv1;
    @Conv2d(in = 16, out = 16, kernel = 3) Layer conv2; //! error lamina:shape at "16,": conv2: @Conv2d expects 16 input channels, but conv1 produces 8; write @Conv2d(in = 8, ...), or leave out 'in' to infer it
    @Flatten @Linear(out = 10) Layer logits;
}
