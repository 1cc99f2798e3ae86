package it.digits;

import dev.lamina.dsl.Adam;
import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Train;

@Network(input = 784)
@Train(data = DigitsData.class, epochs = 2, batchSize = 32)
@Adam(lr = 3e-3)
public abstract class Digits {
    @Linear(out = 64) @BatchNorm @ReLU Layer hidden;
    @Linear(out = 10)                  Layer logits;
}
