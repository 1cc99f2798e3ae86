package dev.lamina.runtime.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The per-epoch metrics the trainer produces, by the names history.csv and early stopping use. */
public enum Metric {
    TRAIN_LOSS("train_loss", false, EpochResult::trainLoss),
    TRAIN_ACCURACY("train_accuracy", true, EpochResult::trainAccuracy),
    TEST_LOSS("test_loss", false, EpochResult::testLoss),
    TEST_ACCURACY("test_accuracy", true, EpochResult::testAccuracy),
    TEST_ROC_AUC("test_roc_auc", true, EpochResult::testRocAuc);

    private final String metricName;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<EpochResult> value;

    Metric(String metricName, boolean higherIsBetter, ToDoubleFunction<EpochResult> value) {
        this.metricName = metricName;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    public String metricName() {
        return metricName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(EpochResult epoch) {
        return value.applyAsDouble(epoch);
    }

    /** The metrics a network with this kind of output produces: ROC AUC only for binary outputs. */
    public static List<String> names(boolean binary) {
        return Arrays.stream(values())
                .filter(m -> binary || m != TEST_ROC_AUC)
                .map(Metric::metricName)
                .toList();
    }

    /**
     * The metric called {@code name}.
     *
     * @throws IllegalArgumentException listing the metrics that exist
     */
    public static Metric byName(String name, boolean binary) {
        for (Metric metric : values()) {
            if (metric.metricName.equals(name) && (binary || metric != TEST_ROC_AUC)) {
                return metric;
            }
        }
        throw new IllegalArgumentException(
                "unknown metric '" + name + "'; the trainer produces " + String.join(", ", names(binary)));
    }
}
