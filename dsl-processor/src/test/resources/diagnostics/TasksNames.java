package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** Names that are wrong in themselves are reported on @Tasks, and not held against the output width. */
@Network(input = 2048)
@Train(data = TasksNames.Assays.class, loss = Loss.BCE_WITH_LOGITS)
abstract class TasksNames {
    @Linear(out = 1) Layer logits;

    @Tasks({"NR-AR",
            " ", //! error lamina:tasks at '" "': TasksNames: @Tasks on Assays has a blank name (task 2 of 4); every task needs a name
            "SR-p53",
            "NR-AR"}) //! error lamina:tasks at '"NR-AR"': TasksNames: @Tasks on Assays names "NR-AR" twice (tasks 1 and 4); each name is one label column: rename or remove one
    public static class Assays implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}

@Network(input = 2048)
@Train(data = NoTasks.Assays.class, loss = Loss.BCE_WITH_LOGITS)
abstract class NoTasks {
    @Linear(out = 1) Layer logits;

    @Tasks({}) //! error lamina:tasks at "{}": NoTasks: @Tasks on Assays names no task; name one per label column, as in @Tasks({"NR-AR", "SR-p53"}), or remove @Tasks for one label per sample
    public static class Assays implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
