package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a training run is configured with. Generated trainers build one from the network's
 * annotations; {@link #toBuilder()} overrides single settings in code, and the command line does the same.
 *
 * @param threads intra-op threads, or 0 for Lamina's default (half the cores)
 * @param limit use only the first {@code limit} training samples, or 0 for all: a quick run
 * @param outputDirectory where run folders go; each run writes to {@code <outputDirectory>/<network>/}
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        boolean shuffle,
        int seed,
        Loss loss,
        OptimizerSettings optimizer,
        Schedule schedule,
        Optional<EarlyStoppingSettings> earlyStopping,
        String device,
        int threads,
        int limit,
        Path outputDirectory,
        boolean resume,
        boolean progressBar) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.epochs = epochs;
        builder.batchSize = batchSize;
        builder.shuffle = shuffle;
        builder.seed = seed;
        builder.loss = loss;
        builder.optimizer = optimizer;
        builder.schedule = schedule;
        builder.earlyStopping = earlyStopping.orElse(null);
        builder.device = device;
        builder.threads = threads;
        builder.limit = limit;
        builder.outputDirectory = outputDirectory;
        builder.resume = resume;
        builder.progressBar = progressBar;
        return builder;
    }

    /**
     * Checks every setting before any work starts.
     *
     * @param binary whether the network ends in one logit (decides which metrics exist)
     * @throws IllegalArgumentException naming the setting, its value and what is allowed
     */
    public void validate(boolean binary) {
        Checks.atLeast("epochs", epochs, 1);
        Checks.atLeast("batch size", batchSize, 1);
        Checks.atLeast("threads", threads, 0);
        Checks.atLeast("limit", limit, 0);
        optimizer.validate();
        schedule.validate();
        earlyStopping.ifPresent(e -> e.validate(binary));
    }

    /** Builds a {@link TrainingConfig}; starts from PyTorch-notebook defaults (10 epochs of Adam at batch 32). */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 32;
        private boolean shuffle = true;
        private int seed = 42;
        private Loss loss = Loss.CROSS_ENTROPY;
        private OptimizerSettings optimizer = OptimizerSettings.Adam.defaults();
        private Schedule schedule = Schedule.CONSTANT;
        private EarlyStoppingSettings earlyStopping;
        private String device = "auto";
        private int threads;
        private int limit;
        private Path outputDirectory = Path.of("target", "lamina");
        private boolean resume;
        private boolean progressBar = true;

        private Builder() {}

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        public Builder seed(int value) {
            seed = value;
            return this;
        }

        public Builder loss(Loss value) {
            loss = value;
            return this;
        }

        public Builder optimizer(OptimizerSettings value) {
            optimizer = value;
            return this;
        }

        /** Keeps the optimizer, changes its learning rate. */
        public Builder learningRate(double value) {
            optimizer = optimizer.withLearningRate(value);
            return this;
        }

        public Builder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        public Builder earlyStopping(EarlyStoppingSettings value) {
            earlyStopping = value;
            return this;
        }

        /** {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:<index>}. */
        public Builder device(String value) {
            device = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        public Builder progressBar(boolean value) {
            progressBar = value;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, shuffle, seed, loss, optimizer, schedule,
                    Optional.ofNullable(earlyStopping), device, threads, limit, outputDirectory, resume, progressBar);
        }
    }
}
