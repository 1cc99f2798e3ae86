package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** One named task with cross-entropy is one class label: valid. */
@Network(input = 2048)
@Train(data = CrossEntropyWithOneTask.Digits.class)
abstract class CrossEntropyWithOneTask {
    @Linear(out = 10) Layer logits;

    @Tasks("digit")
    public static class Digits implements DataSource<float[]> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}

/** The training loss needs no validation set. */
@Network(input = 784)
@Train
@EarlyStopping(monitor = "train_loss")
abstract class TrainLossNeedsNoSplit {
    @Linear(out = 10) Layer logits;
}

/** @Split without @Train(data): the data is handed to the trainer in code. */
@Network(input = 784)
@Train
@Split(validation = 0.2, test = 0.2, seeds = {7, 8})
@EarlyStopping
abstract class SplitWithoutData {
    @Linear(out = 10) Layer logits;
}

/** Stratified on one yes/no task, scaffold on SMILES, scaffold without a data class: valid. */
@Network(input = 2048)
@Train(data = SplitsAndTasksAreValid.Molecules.class, loss = Loss.BCE_WITH_LOGITS)
@Split(method = SplitMethod.STRATIFIED)
abstract class SplitsAndTasksAreValid {
    @Linear(out = 1) Layer logit;

    public static class Molecules implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}

@Network(input = 2048)
@Train(data = SplitsAndTasksAreValid.Molecules.class, loss = Loss.BCE_WITH_LOGITS)
@Split(method = SplitMethod.SCAFFOLD, test = 0.1)
abstract class ScaffoldOnSmiles {
    @Linear(out = 1) Layer logit;
}

@Network(input = 2048)
@Train(loss = Loss.BCE_WITH_LOGITS)
@Split(method = SplitMethod.SCAFFOLD)
abstract class ScaffoldWithDataInCode {
    @Linear(out = 1) Layer logit;
}

/** Tanh is a warning: targets scaled into (-1, 1) are reachable. */
@Network(input = 16)
@Train(loss = Loss.HUBER)
abstract class RegressionTanh {
    @Linear(out = 1) @Tanh Layer value; //! warning lamina:loss at "@Tanh": value: @Tanh at the end of a network trained with Huber keeps its outputs in (-1, 1)
}

@Network(input = 16)
@Train(loss = Loss.HUBER)
@SuppressWarnings("lamina:loss")
abstract class RegressionTanhSuppressed {
    @Linear(out = 1) @Tanh Layer value;
}
