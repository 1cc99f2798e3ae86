package test;

import dev.lamina.dsl.*;

/** The notebook-09 CNN with the head width students had to find by printing shapes, written wrong. */
@Network(input = {1, 28, 28})
abstract class CnnLinearWidthMismatch {
    @Conv2d(in = 1, out = 3, kernel = 3, padding = 1) @ReLU @MaxPool2d(2) Layer conv1;
    @Conv2d(in = 3, out = 6, kernel = 3, padding = 1) @ReLU @MaxPool2d(2) Layer conv2;
    @Flatten @BatchNorm @Dropout(0.2)                                     Layer flat;
    @Linear(in = 300, out = 10) Layer logits; //! error lamina:shape at "300": logits: @Linear expects 300 input features, but flat produces 294; write @Linear(in = 294, out = 10), or leave out 'in' to infer it
}
