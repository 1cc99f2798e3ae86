package dev.lamina.examples;

import dev.lamina.dsl.Adam;
import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Train;

/**
 * The seed notebook's MNIST network: 784 pixels -> 300 -> 300 -> 10 class logits, each hidden stage
 * Linear, BatchNorm, ReLU, Dropout(0.2). The same as the notebook's
 *
 * <pre>
 * nn.Sequential(nn.Linear(784, 300), nn.BatchNorm1d(300), nn.ReLU(), nn.Dropout(0.2),
 *               nn.Linear(300, 300), nn.BatchNorm1d(300), nn.ReLU(), nn.Dropout(0.2),
 *               nn.Linear(300, 10))
 * </pre>
 *
 * <p>Trained like the notebook's last MNIST step: cross-entropy, Adam with learning rate 1e-3, minibatches
 * of 32, 10 epochs, on the notebook's min-max scaled CSV files.
 */
@Network(input = 784)
@Train(data = MnistData.class, epochs = 10, batchSize = 32)
@Adam(lr = 1e-3)
public abstract class MnistMlp {
    @Linear(in = 784, out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(in = 300, out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
    @Linear(in = 300, out = 10)                                 Layer logits;
}
