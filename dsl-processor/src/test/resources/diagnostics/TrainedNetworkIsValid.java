package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** Every training annotation, valid: the network and its trainer are generated and compile. */
@Network(input = 2048)
@Train(data = TrainedNetworkIsValid.Molecules.class, loss = Loss.BCE_WITH_LOGITS, epochs = 20, batchSize = 64)
@Sgd(lr = 0.05, momentum = 0.9, nesterov = true, weightDecay = 1e-4)
@CosineLr(minLr = 1e-4)
@EarlyStopping(monitor = "test_roc_auc", patience = 4, minDelta = 0.001)
abstract class TrainedNetworkIsValid {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden;
    @Linear(out = 1) Layer logit;

    public static class Molecules implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
