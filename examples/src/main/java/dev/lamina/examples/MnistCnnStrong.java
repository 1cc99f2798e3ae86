package dev.lamina.examples;

import dev.lamina.dsl.Adam;
import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Conv2d;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.MaxPool2d;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Train;

/**
 * A stronger MNIST CNN that still trains on a laptop CPU in minutes: two convolution blocks with
 * BatchNorm, then a small dense head. Every width after the input is inferred.
 */
@Network(input = {1, 28, 28})
@Train(data = MnistImageData.class, epochs = 3, batchSize = 64)
@Adam(lr = 2e-3)
public abstract class MnistCnnStrong {
    @Conv2d(out = 16, kernel = 3, padding = 1) @BatchNorm @ReLU @MaxPool2d(2) Layer conv1;
    @Conv2d(out = 32, kernel = 3, padding = 1) @BatchNorm @ReLU @MaxPool2d(2) Layer conv2;
    @Flatten @Dropout(0.25)                                                   Layer flat;
    @Linear(out = 128) @ReLU @Dropout(0.25)                                   Layer hidden;
    @Linear(out = 10)                                                         Layer logits;
}
