package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The run a {@link TrainingCallback} is part of: the network being trained, its settings and data, the
 * run folder and the output sink, and the one thing a callback may change about the run: whether it
 * goes on after the current epoch.
 */
public final class TrainingContext {

    private final TrainingJob job;
    private final TrainingConfig config;
    private final LaminaNetwork network;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final DeviceData validationData;
    private final DeviceData testData;
    private final List<TrainingMetric> metrics;
    private final Path runDirectory;

    private double runningLoss = Double.NaN;
    private String stopReason;

    TrainingContext(TrainingJob job, TrainingConfig config, LaminaNetwork network, Dataset train, Dataset validation,
            Dataset test, DeviceData validationData, DeviceData testData, List<TrainingMetric> metrics,
            Path runDirectory) {
        this.job = job;
        this.config = config;
        this.network = network;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.validationData = validationData;
        this.testData = testData;
        this.metrics = List.copyOf(metrics);
        this.runDirectory = runDirectory;
    }

    public String networkName() {
        return job.networkName();
    }

    /** The compile-time summary table of the network. */
    public String summary() {
        return job.summary();
    }

    public TrainingConfig config() {
        return config;
    }

    /** The network being trained; its parameters change with every step. */
    public LaminaNetwork network() {
        return network;
    }

    /** The training data, after {@link TrainingConfig#limit()}. */
    public Dataset trainData() {
        return train;
    }

    /** The validation set every choice is made on, when {@code @Split} carved one. */
    public Optional<Dataset> validationData() {
        return Optional.ofNullable(validation);
    }

    /** The test set: evaluated once with the chosen parameters, or every epoch without {@code @Split}. */
    public Optional<Dataset> testData() {
        return Optional.ofNullable(test);
    }

    /** Whether the network predicts yes/no tasks with BCE-with-logits (rather than classes or numbers). */
    public boolean binary() {
        return config.loss() == Loss.BCE_WITH_LOGITS;
    }

    /** What the network predicts: classes, yes/no tasks or numbers. */
    public TaskKind kind() {
        return LossFunction.taskKind(config.loss());
    }

    /** The metrics each epoch measures, in history.csv's order. */
    public List<TrainingMetric> metrics() {
        return metrics;
    }

    /** The names of the label columns (tasks or regression targets); one unnamed label gives {@code [label]}. */
    public List<String> taskNames() {
        if (!config.tasks().isEmpty()) {
            return config.tasks();
        }
        return train.taskNames().isEmpty() ? List.of("label") : train.taskNames();
    }

    /** The run folder, {@code <outputDirectory>/<network>/}. */
    public Path runDirectory() {
        return runDirectory;
    }

    /** Where console output goes: {@link TrainingConfig#out()}. */
    public PrintStream out() {
        return config.out();
    }

    /** The mean minibatch loss of the current epoch so far; NaN before its first step. */
    public double runningLoss() {
        return runningLoss;
    }

    /** Ends the run after the current epoch; {@code reason} is printed. The first request wins. */
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = Objects.requireNonNull(reason, "reason");
        }
    }

    public boolean stopRequested() {
        return stopReason != null;
    }

    Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    void runningLoss(double value) {
        runningLoss = value;
    }

    /** The test set on the device, for the built-in callbacks that evaluate the final network. */
    Optional<DeviceData> deviceTestData() {
        return Optional.ofNullable(testData);
    }

    /** The validation set on the device. */
    Optional<DeviceData> deviceValidationData() {
        return Optional.ofNullable(validationData);
    }
}
