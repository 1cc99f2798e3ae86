package dev.lamina.runtime.train;

import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How the trainer reads each metric off an epoch's result. Which metrics exist, their names and which way
 * is better come from the shared {@link TrainingMetric}, which the processor checks
 * {@code @EarlyStopping(monitor)} against; one constant here per constant there, so a metric cannot be
 * named by one side and unknown to the other.
 */
public enum Metric {
    TRAIN_LOSS(TrainingMetric.TRAIN_LOSS, EpochResult::trainLoss),
    TRAIN_ACCURACY(new TrainingMetric(DataSplit.TRAIN, Measure.ACCURACY), EpochResult::trainAccuracy),
    TEST_LOSS(new TrainingMetric(DataSplit.TEST, Measure.LOSS), EpochResult::testLoss),
    TEST_ACCURACY(new TrainingMetric(DataSplit.TEST, Measure.ACCURACY), EpochResult::testAccuracy),
    TEST_ROC_AUC(new TrainingMetric(DataSplit.TEST, Measure.ROC_AUC), EpochResult::testRocAuc);

    private final TrainingMetric identity;
    private final ToDoubleFunction<EpochResult> value;

    Metric(TrainingMetric identity, ToDoubleFunction<EpochResult> value) {
        this.identity = identity;
        this.value = value;
    }

    /** The shared description of this metric. */
    public TrainingMetric identity() {
        return identity;
    }

    public String metricName() {
        return identity.metricName();
    }

    public boolean higherIsBetter() {
        return identity.higherIsBetter();
    }

    public double of(EpochResult epoch) {
        return value.applyAsDouble(epoch);
    }

    /** The runtime's side of a shared metric. */
    public static Metric of(TrainingMetric identity) {
        for (Metric metric : values()) {
            if (metric.identity.equals(identity)) {
                return metric;
            }
        }
        throw new IllegalStateException("the trainer cannot compute " + identity.metricName());
    }

    /** The metrics a network with this kind of output produces: ROC AUC only for binary outputs. */
    public static List<String> names(boolean binary) {
        return TrainingMetric.producedFor(binary ? TaskKind.BINARY : TaskKind.CLASSES, false, true).stream().map(TrainingMetric::metricName).toList();
    }

    /**
     * The metric called {@code name}.
     *
     * @throws IllegalArgumentException listing the metrics that exist
     */
    public static Metric byName(String name, boolean binary) {
        return TrainingMetric.byName(name, binary ? TaskKind.BINARY : TaskKind.CLASSES).map(Metric::of).orElseThrow(() -> new IllegalArgumentException(
                "unknown metric '" + name + "'; the trainer produces " + String.join(", ", names(binary))));
    }
}
