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
import dev.lamina.dsl.Split;
import dev.lamina.dsl.SplitMethod;
import dev.lamina.dsl.StepLr;
import dev.lamina.dsl.Tasks;
import dev.lamina.dsl.Train;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.TrainingCallback;

@Network(input = 2048)
@Train(data = Tox21Mlp.Assays.class, loss = Loss.BCE_WITH_LOGITS, epochs = 20, batchSize = 64,
        callbacks = Tox21Mlp.Quiet.class)
@Split(validation = 0.1, test = 0.1, method = SplitMethod.SCAFFOLD, seeds = {1, 2, 3})
@Adam(lr = 1e-3, weightDecay = 1e-5)
@StepLr(stepSize = 5, gamma = 0.5)
@EarlyStopping(monitor = "val_roc_auc", patience = 3)
public abstract class Tox21Mlp {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(out = 100) @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
    @Linear(out = 12)                                 Layer logits;

    public static final class Quiet implements TrainingCallback {}

    @Tasks({"NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER", "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE",
            "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53"})
    public static final class Assays implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            throw new UnsupportedOperationException("never loaded");
        }
    }
}
