package dev.lamina.examples;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Sgd;
import dev.lamina.dsl.Train;

/**
 * Minibatch SGD, the notebook's second loop: `DataLoader(batch_size=32)` gives 1875 steps per epoch; SGD with learning rate 0.3 for 2 epochs.
 *
 * <p>The network is the notebook's {@code nn.Sequential(nn.Linear(784, 300), nn.ReLU(), nn.Linear(300,
 * 300), nn.ReLU(), nn.Linear(300, 10))}.
 */
@Network(input = 784)
@Train(data = MnistData.class, epochs = 2, batchSize = 32, shuffle = false)
@Sgd(lr = 0.3)
public abstract class MnistMinibatchSgd {
    @Linear(in = 784, out = 300) @ReLU Layer hidden1;
    @Linear(in = 300, out = 300) @ReLU Layer hidden2;
    @Linear(in = 300, out = 10)        Layer logits;
}
