package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** Several tasks with cross-entropy: one error, not another about the width. */
@Network(input = 2048)
@Train(data = CrossEntropyWithTasks.Assays.class) //! error lamina:loss at "@Train": CrossEntropyWithTasks: cross-entropy predicts one class per sample, but Assays names 3 tasks with @Tasks; multi-task classification is not supported: for 3 yes/no tasks use @Train(loss = Loss.BCE_WITH_LOGITS) with @Linear(out = 3), or keep one task
abstract class CrossEntropyWithTasks {
    @Linear(out = 1) Layer logits;

    @Tasks({"NR-AR", "SR-MMP", "SR-p53"})
    public static class Assays implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
