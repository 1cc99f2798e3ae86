package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** Twelve assays need twelve logits: the error points at the width that is written, and names the tasks. */
@Network(input = 2048)
@Train(data = BceOutputsNotTasks.Tox21.class, loss = Loss.BCE_WITH_LOGITS)
abstract class BceOutputsNotTasks {
    @Linear(out = 300) @ReLU Layer hidden;
    @Linear(out = 10) Layer logits; //! error lamina:loss at "10": BceOutputsNotTasks: Tox21 names 12 tasks with @Tasks ("NR-AR", "NR-AR-LBD", ..., "SR-p53"), but the last stage logits produces 10 outputs; BCE-with-logits needs one logit per task: write @Linear(out = 12)

    @Tasks({"NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER", "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE",
            "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53"})
    public static class Tox21 implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}

/** Regression: one output per named target; after a Flatten the error is on the last stage. */
@Network(input = {2, 3})
@Train(data = RegressionOutputsNotTasks.Targets.class, loss = Loss.L1)
abstract class RegressionOutputsNotTasks {
    @Flatten @ReLU Layer values; //! error lamina:loss at "values": RegressionOutputsNotTasks: Targets names 2 tasks with @Tasks ("solubility", "logP"), but the last stage values produces 6 outputs; L1 needs one output per task: write @Linear(out = 2)

    @Tasks({"solubility", "logP"})
    public static class Targets implements DataSource<float[]> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
