package dev.lamina.benchmarks;

import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Lamina as a user runs it: the generated job through {@link Trainer#train}, with the network's own
 * {@code @Train} settings except the batch size, two epochs and no progress bar. The second epoch's
 * training loop is the measurement ({@link EpochResult#trainSeconds()}: minibatches only, not the
 * evaluation and run files after each epoch); the first is warm-up.
 */
final class HarnessRun {

    static final int EPOCHS = 2;

    private HarnessRun() {}

    /**
     * @param threads intra-op threads, or 0 for Lamina's default
     * @param outputDirectory where the run folders (report, parameters) go
     * @return the timed epoch's training-loop seconds
     */
    static double timedEpochSeconds(Configuration configuration, TrainTestData data, int threads, Path outputDirectory)
            throws IOException {
        TrainingConfig config = configuration.network().job().defaults().toBuilder()
                .epochs(EPOCHS)
                .batchSize(configuration.batchSize())
                .progressBar(false)
                .device("cpu")
                .threads(threads)
                .outputDirectory(outputDirectory)
                .build();
        try (TrainingResult result = Trainer.train(configuration.network().job(), config, data)) {
            if (result.history().size() < EPOCHS) {
                throw new IllegalStateException(configuration + " stopped after " + result.history().size()
                        + " epoch(s); the benchmark needs " + EPOCHS);
            }
            return result.history().get(EPOCHS - 1).trainSeconds();
        }
    }
}
