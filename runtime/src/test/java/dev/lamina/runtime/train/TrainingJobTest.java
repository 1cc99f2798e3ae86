package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.spec.layers.LinearSpec;

import org.junit.jupiter.api.Test;

/** Generated trainers name their data class; each run makes a fresh data source from it. */
class TrainingJobTest {

    private static final Architecture NETWORK =
            Architecture.builder("Job", 4).stage("logits", new LinearSpec(4, 2)).build();

    public static final class CountingData implements DataSource<float[]> {
        static int created;

        public CountingData() {
            created++;
        }

        @Override
        public TrainTestData load(DataContext context) {
            throw new UnsupportedOperationException("not loaded in this test");
        }
    }

    public static final class FailingData implements DataSource<float[]> {
        public FailingData() {
            throw new IllegalStateException("MNIST_HOME is not set");
        }

        @Override
        public TrainTestData load(DataContext context) {
            throw new UnsupportedOperationException();
        }
    }

    public static final class NeedsArgument implements DataSource<float[]> {
        public NeedsArgument(String folder) {}

        @Override
        public TrainTestData load(DataContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void eachRequestCreatesANewDataSourceOfTheNamedClass() {
        TrainingJob job = job(CountingData.class);
        int before = CountingData.created;
        DataSource<?> first = job.dataSource().orElseThrow().get();
        DataSource<?> second = job.dataSource().orElseThrow().get();
        assertInstanceOf(CountingData.class, first);
        assertTrue(first != second);
        assertEquals(before + 2, CountingData.created);
    }

    @Test
    void whatTheDataConstructorThrowsReachesTheUserUnchanged() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> job(FailingData.class).dataSource().orElseThrow().get());
        assertEquals("MNIST_HOME is not set", thrown.getMessage());
    }

    @Test
    void aDataClassWithoutAPublicConstructorWithoutArgumentsIsNamed() {
        TrainingException thrown = assertThrows(TrainingException.class,
                () -> job(NeedsArgument.class).dataSource().orElseThrow().get());
        assertTrue(thrown.getMessage().startsWith("could not create the data source "
                + NeedsArgument.class.getName() + " (it needs a public constructor without arguments)"),
                thrown.getMessage());
    }

    @Test
    void aNetworkWithoutDataHasNone() {
        TrainingJob job = new TrainingJob("Job", NETWORK, "summary\n", TrainingConfig.builder().build());
        assertTrue(job.dataSource().isEmpty());
    }

    private static TrainingJob job(Class<?> data) {
        return new TrainingJob("Job", NETWORK, "summary\n", TrainingConfig.builder().build(), data);
    }
}
