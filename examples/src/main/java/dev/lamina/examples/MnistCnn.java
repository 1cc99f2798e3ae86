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
import dev.lamina.dsl.NetworkTests;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Train;

/**
 * The course's notebook 09 network, as the notebook writes it: two small convolutions with ReLU and
 * pooling, then Flatten, one BatchNorm over the 294 flattened features, Dropout and a Linear head. In the
 * notebook, students print {@code cnn(batch_x).shape} to find the head's input size; here the compiler
 * infers it (6 channels x 7 x 7 = 294) and rejects a wrong one.
 */
@Network(input = {1, 28, 28})
@Train(data = MnistImageData.class, epochs = 5, batchSize = 32)
@Adam(lr = 1e-3)
// Three and six channels learn a batch of noise slowly: give the generated learning test more steps.
@NetworkTests(steps = 80)
public abstract class MnistCnn {
    @Conv2d(in = 1, out = 3, kernel = 3, padding = 1) @ReLU @MaxPool2d(2) Layer conv1;
    @Conv2d(in = 3, out = 6, kernel = 3, padding = 1) @ReLU @MaxPool2d(2) Layer conv2;
    @Flatten @BatchNorm @Dropout(0.2)                                     Layer flat;
    @Linear(in = 294, out = 10)                                           Layer logits;
}
