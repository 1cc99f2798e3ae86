package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class ConvNeedsImageInput {
    @Conv2d(out = 4, kernel = 3) Layer conv; //! error lamina:shape at "@Conv2d": conv: @Conv2d needs samples of shape (channels, height, width), but the network input produces (N, 784); declare an image input, as in @Network(input = {1, 28, 28})
    @Flatten @Linear(out = 10) Layer logits;
}
