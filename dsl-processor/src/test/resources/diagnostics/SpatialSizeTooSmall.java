package test;

import dev.lamina.dsl.*;

/** 28 -> 14 -> 7 -> 3, then a 5x5 kernel without padding has nothing left to slide over. */
@Network(input = {1, 28, 28})
abstract class SpatialSizeTooSmall {
    @Conv2d(out = 4, kernel = 3, padding = 1) @MaxPool2d(2) Layer block1;
    @MaxPool2d(2) Layer block2;
    @MaxPool2d(2) Layer block3;
    @Conv2d(out = 8, kernel = 5) Layer block4; //! error lamina:shape at "5)": block4: @Conv2d shrinks the 3x3 input from block3 to -1x-1, which leaves nothing to compute on
    @Flatten @Linear(out = 10) Layer logits;
}
