package dev.lamina.examples;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Tasks;
import dev.lamina.dsl.Train;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/**
 * Networks with one output per task: their generated tests train on labels of that width. 256 inputs: with 16, twenty
 * Adam steps memorise 32 x 3 random yes/no labels too slowly for the learning test (tune with @NetworkTests(steps)).
 */
public final class MultiOutput {

    private MultiOutput() {}

    /** Three yes/no tasks: three logits, labels 0 or 1 per task. */
    @Network(input = 256)
    @Train(data = Assays.class, loss = Loss.BCE_WITH_LOGITS)
    public abstract static class ThreeAssays {
        @Linear(out = 32) @ReLU Layer hidden;
        @Linear(out = 3) Layer logits;
    }

    /** Two regression targets: two linear outputs, any number per target. */
    @Network(input = 256)
    @Train(data = Targets.class, loss = Loss.MSE)
    public abstract static class TwoTargets {
        @Linear(out = 32) @ReLU Layer hidden;
        @Linear(out = 2) Layer values;
    }

    @Tasks({"NR-AR", "SR-MMP", "SR-p53"})
    public static class Assays implements DataSource<float[]> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }

    @Tasks({"solubility", "logP"})
    public static class Targets implements DataSource<float[]> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
