package dev.lamina.examples;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Sgd;
import dev.lamina.dsl.Train;

/**
 * Minibatch SGD with momentum, the notebook's optimizer section: past gradients keep pushing in their direction.
 *
 * <p>The network is the notebook's {@code nn.Sequential(nn.Linear(784, 300), nn.ReLU(), nn.Linear(300,
 * 300), nn.ReLU(), nn.Linear(300, 10))}.
 */
@Network(input = 784)
@Train(data = MnistData.class, epochs = 2, batchSize = 32)
@Sgd(lr = 0.01, momentum = 0.9)
public abstract class MnistSgdMomentum {
    @Linear(in = 784, out = 300) @ReLU Layer hidden1;
    @Linear(in = 300, out = 300) @ReLU Layer hidden2;
    @Linear(in = 300, out = 10)        Layer logits;
}
