package dev.lamina.examples;

import dev.lamina.dsl.Adam;
import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.EarlyStopping;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.StepLr;
import dev.lamina.dsl.Train;
import dev.lamina.runtime.train.TrainingCallback;

@Network(input = 2048)
@Train(loss = Loss.BCE_WITH_LOGITS, epochs = 20, batchSize = 64, callbacks = Tox21Mlp.Quiet.class)
@Adam(lr = 1e-3, weightDecay = 1e-5)
@StepLr(stepSize = 5, gamma = 0.5)
@EarlyStopping(monitor = "test_roc_auc", patience = 3)
public abstract class Tox21Mlp {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(out = 100) @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
    @Linear(out = 1)                                  Layer logit;

    public static final class Quiet implements TrainingCallback {}
}
