package dev.lamina.benchmarks;

import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingCallback;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Lamina as a user runs it: the generated job through {@link Trainer#train}, with the network's own
 * {@code @Train} settings except the batch size, the epochs, no early stopping and no progress bar. The first epoch is
 * warm-up; the fastest later epoch's training loop is the measurement ({@link EpochResult#trainSeconds()}:
 * minibatches only, not the evaluation and run files after each epoch).
 */
final class HarnessRun {

    private HarnessRun() {}

    /**
     * @param threads intra-op threads, or 0 for Lamina's default
     * @param timedEpochs epochs after the warm-up epoch
     * @param outputDirectory where the run folders (report, parameters) go
     * @return the fastest timed epoch's training-loop seconds
     */
    static double fastestEpochSeconds(Configuration configuration, TrainTestData data, int threads, int timedEpochs,
            Path outputDirectory) throws IOException {
        int epochs = 1 + timedEpochs;
        try (TrainingResult result = train(configuration, data, threads, epochs, outputDirectory)) {
            return result.history().subList(1, epochs).stream().mapToDouble(EpochResult::trainSeconds).min()
                    .orElseThrow();
        }
    }

    private static TrainingResult train(Configuration configuration, TrainTestData data, int threads, int epochs,
            Path outputDirectory) throws IOException {
        TrainingConfig config = configuration.network().job().defaults().toBuilder()
                .epochs(epochs)
                .earlyStopping(null) // Tox21SrMmp stops early after a few epochs; every timed epoch must run
                .batchSize(configuration.batchSize())
                .progressBar(false)
                .device("cpu")
                .threads(threads)
                .outputDirectory(outputDirectory)
                .callback(new TimedLoops())
                .build();
        TrainingResult result = Trainer.train(configuration.network().job(), config, data);
        if (result.history().size() < epochs) {
            result.close();
            throw new IllegalStateException(configuration + " stopped after " + result.history().size()
                    + " epoch(s); the benchmark needs " + epochs);
        }
        return result;
    }

    /** Under {@code benchmarks/profile.sh}, perf records the training loops after the warm-up epoch only. */
    private static final class TimedLoops implements TrainingCallback {
        @Override
        public void onEpochBegin(int epoch) {
            if (epoch > 1) {
                PerfControl.enable();
            }
        }

        @Override
        public void onTrainingLoopEnd(int epoch) {
            if (epoch > 1) {
                PerfControl.disable();
            }
        }
    }
}
