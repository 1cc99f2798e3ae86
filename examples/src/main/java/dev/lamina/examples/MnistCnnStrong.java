package dev.lamina.examples;

import dev.lamina.dsl.Adam;
import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Conv2d;
import dev.lamina.dsl.CosineLr;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.MaxPool2d;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Train;

/**
 * A stronger MNIST CNN that still trains on one CPU core in minutes: two small convolution blocks with
 * BatchNorm, a small dense head, Adam with a cosine learning-rate schedule. Every width after the input is
 * inferred.
 */
@Network(input = {1, 28, 28})
@Train(data = MnistImageData.class, epochs = 6, batchSize = 64)
@Adam(lr = 3e-3)
@CosineLr
public abstract class MnistCnnStrong {
    @Conv2d(out = 8, kernel = 3, padding = 1) @BatchNorm @ReLU @MaxPool2d(2)  Layer conv1;
    @Conv2d(out = 16, kernel = 3, padding = 1) @BatchNorm @ReLU @MaxPool2d(2) Layer conv2;
    @Flatten @Dropout(0.2)                                                    Layer flat;
    @Linear(out = 64) @ReLU                                                   Layer hidden;
    @Linear(out = 10)                                                         Layer logits;
}
