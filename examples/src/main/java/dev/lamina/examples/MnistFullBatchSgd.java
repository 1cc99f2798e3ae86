package dev.lamina.examples;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Sgd;
import dev.lamina.dsl.Train;

/**
 * Full-batch gradient descent, the notebook's first training loop: every step sees all 60,000 images (so each epoch is one step); SGD with learning rate 0.3 for 50 epochs.
 *
 * <p>The network is the notebook's {@code nn.Sequential(nn.Linear(784, 300), nn.ReLU(), nn.Linear(300,
 * 300), nn.ReLU(), nn.Linear(300, 10))}.
 */
@Network(input = 784)
@Train(data = MnistData.class, epochs = 50, batchSize = 60000, shuffle = false)
@Sgd(lr = 0.3)
public abstract class MnistFullBatchSgd {
    @Linear(in = 784, out = 300) @ReLU Layer hidden1;
    @Linear(in = 300, out = 300) @ReLU Layer hidden2;
    @Linear(in = 300, out = 10)        Layer logits;
}
