package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a training run is configured with. Generated trainers build one from the network's
 * annotations; {@link #toBuilder()} overrides single settings in code, and the command line does the same.
 *
 * @param threads intra-op threads, or 0 for Lamina's default (half the cores)
 * @param limit use only the first {@code limit} training samples, or 0 for all: a quick run
 * @param outputDirectory where run folders go; each run writes a new {@code <outputDirectory>/<network>/run_<N>/},
 *     and {@code latest} points at the newest (resume continues it)
 * @param out where the run prints its summary, epoch lines and messages; standard output by default
 * @param callbacks the user's callbacks, told about the run after the trainer's own (see {@link
 *     TrainingCallback})
 * @param callbackClasses callbacks each run creates anew with their public constructor without
 *     parameters, after {@code callbacks}: what {@code @Train(callbacks = ...)} declares
 * @param split how the data is split into training, validation and test sets; empty for the data source's own
 *     sets, without a validation set (what {@code @Split} declares)
 * @param tasks the names of the labels per sample ({@code @Tasks} on the data class); empty for one label
 * @param runFolder the exact folder of the run instead of a new {@code run_<N>} (each seed of a repeated run
 *     gets {@code run_<N>/seed_<seed>}); empty for a new numbered folder
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
        boolean progressBar,
        PrintStream out,
        List<TrainingCallback> callbacks,
        List<Class<? extends TrainingCallback>> callbackClasses,
        Optional<SplitSettings> split,
        List<String> tasks,
        Optional<Path> runFolder) {

    public TrainingConfig {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(runFolder, "runFolder");
        callbacks = List.copyOf(callbacks);
        callbackClasses = List.copyOf(callbackClasses);
        tasks = List.copyOf(tasks);
    }

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
        builder.out = out;
        builder.callbacks.addAll(callbacks);
        builder.callbackClasses.addAll(callbackClasses);
        builder.split = split.orElse(null);
        builder.tasks = tasks;
        builder.runFolder = runFolder.orElse(null);
        return builder;
    }

    /**
     * Checks every setting before any work starts.
     *
     * @throws IllegalArgumentException naming the setting, its value and what is allowed
     */
    public void validate() {
        Checks.atLeast("epochs", epochs, 1);
        Checks.atLeast("batch size", batchSize, 1);
        Checks.atLeast("threads", threads, 0);
        Checks.atLeast("limit", limit, 0);
        optimizer.validate();
        schedule.validate();
        earlyStopping.ifPresent(e -> e.validate(LossFunction.taskKind(loss)));
        split.ifPresent(SplitSettings::validate);
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
        private Path outputDirectory = Path.of("lamina-runs");
        private boolean resume;
        private boolean progressBar = true;
        private PrintStream out = System.out;
        private final List<TrainingCallback> callbacks = new ArrayList<>();
        private final List<Class<? extends TrainingCallback>> callbackClasses = new ArrayList<>();
        private SplitSettings split;
        private List<String> tasks = List.of();
        private Path runFolder;

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

        /** Where the run prints; tests and tools pass their own stream instead of replacing System.out. */
        public Builder out(PrintStream value) {
            out = Objects.requireNonNull(value, "out");
            return this;
        }

        /** Adds a callback, told about the run after the trainer's own and the ones added before it. */
        public Builder callback(TrainingCallback value) {
            callbacks.add(Objects.requireNonNull(value, "callback"));
            return this;
        }

        /**
         * Adds callback classes: each run creates a new instance of each with its public constructor without
         * parameters, so no state leaks from one run into the next. This is how {@code @Train(callbacks =
         * ...)} reaches the run.
         *
         * @throws IllegalArgumentException naming a class that does not implement {@link TrainingCallback}
         */
        public Builder callbacks(Class<?>... classes) {
            for (Class<?> type : classes) {
                callbackClasses.add(CallbackClasses.asCallbackClass(type));
            }
            return this;
        }

        /** How the data is split: {@code @Split}. */
        public Builder split(SplitSettings value) {
            split = value;
            return this;
        }

        /** The names of the labels per sample, in the order of the network's outputs: {@code @Tasks}. */
        public Builder tasks(String... names) {
            tasks = List.of(names);
            return this;
        }

        /** Trains into exactly this folder (created if missing) rather than a new numbered run folder. */
        public Builder runFolder(Path value) {
            runFolder = value;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, shuffle, seed, loss, optimizer, schedule,
                    Optional.ofNullable(earlyStopping), device, threads, limit, outputDirectory, resume, progressBar,
                    out, callbacks, callbackClasses, Optional.ofNullable(split), tasks,
                    Optional.ofNullable(runFolder));
        }
    }
}
