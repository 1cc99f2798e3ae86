package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** Every training annotation, valid: the network and its trainer are generated and compile. */
@Network(input = 2048)
@Train(data = TrainedNetworkIsValid.Molecules.class, loss = Loss.BCE_WITH_LOGITS, epochs = 20, batchSize = 64)
@Split(validation = 0.1, test = 0.1, method = SplitMethod.SCAFFOLD, seeds = {1, 2, 3}, testEveryEpoch = true)
@Sgd(lr = 0.05, momentum = 0.9, nesterov = true, weightDecay = 1e-4)
@CosineLr(minLr = 1e-4)
@EarlyStopping(monitor = "val_roc_auc", patience = 4, minDelta = 0.001)
abstract class TrainedNetworkIsValid {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden;
    @Linear(out = 2) Layer logits;

    @Tasks({"NR-AR", "SR-p53"})
    public static class Molecules implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}

/** Regression on named targets, with a validation set to watch. */
@Network(input = 16)
@Train(data = RegressionIsValid.Targets.class, loss = Loss.MSE)
@Split(validation = 0.2)
@EarlyStopping(monitor = "val_r2")
abstract class RegressionIsValid {
    @Linear(out = 32) @ReLU Layer hidden;
    @Linear(out = 3) Layer values;

    @Tasks({"solubility", "logP", "melting point"})
    public static class Targets implements DataSource<float[]> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
