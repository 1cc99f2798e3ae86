package test;

import dev.lamina.dsl.*;

/** Every convolution feature at once: dilation, stride, average pooling with padding, BatchNorm over channels. */
@Network(input = {3, 32, 32})
abstract class CnnIsValid {
    @Conv2d(out = 8, kernel = 3, padding = 2, dilation = 2) @BatchNorm @ReLU Layer conv1;
    @Conv2d(in = 8, out = 16, kernel = 3, stride = 2, padding = 1) @Tanh @AvgPool2d(value = 3, stride = 2, padding = 1) Layer conv2;
    @Dropout(0.1) @Flatten Layer flat;
    @Linear(out = 10) Layer logits;
}
