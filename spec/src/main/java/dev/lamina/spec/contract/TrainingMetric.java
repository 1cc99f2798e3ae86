package dev.lamina.spec.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-epoch metrics the trainer produces, by the names {@code history.csv} and
 * {@code @EarlyStopping(monitor)} use. The processor checks a monitor against this list at compile time and
 * the runtime computes each of them, so the two cannot disagree on which names exist.
 */
public enum TrainingMetric {
    TRAIN_LOSS("train_loss", false, false),
    TRAIN_ACCURACY("train_accuracy", true, false),
    TEST_LOSS("test_loss", false, false),
    TEST_ACCURACY("test_accuracy", true, false),
    /** Only a one-logit (binary) network has a ROC curve. */
    TEST_ROC_AUC("test_roc_auc", true, true);

    private final String metricName;
    private final boolean higherIsBetter;
    private final boolean binaryOnly;

    TrainingMetric(String metricName, boolean higherIsBetter, boolean binaryOnly) {
        this.metricName = metricName;
        this.higherIsBetter = higherIsBetter;
        this.binaryOnly = binaryOnly;
    }

    /** The name in {@code history.csv} and {@code @EarlyStopping(monitor)}. */
    public String metricName() {
        return metricName;
    }

    /** Whether a larger value is an improvement (accuracy) rather than a smaller one (loss). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the trainer produces it for a binary (one-logit) network, or for a multi-class one. */
    public boolean appliesTo(boolean binary) {
        return binary || !binaryOnly;
    }

    /** The metrics a network with this kind of output produces, in the order {@code history.csv} has them. */
    public static List<TrainingMetric> producedFor(boolean binary) {
        List<TrainingMetric> produced = new ArrayList<>();
        for (TrainingMetric metric : values()) {
            if (metric.appliesTo(binary)) {
                produced.add(metric);
            }
        }
        return produced;
    }

    /** The names of {@link #producedFor(boolean)}. */
    public static List<String> namesFor(boolean binary) {
        return producedFor(binary).stream().map(TrainingMetric::metricName).toList();
    }

    /** The metric called {@code name} that a network with this kind of output produces, if there is one. */
    public static Optional<TrainingMetric> byName(String name, boolean binary) {
        return producedFor(binary).stream().filter(m -> m.metricName.equals(name)).findFirst();
    }
}
