package dev.lamina.runtime.train;

import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.util.List;

/** Keras-style early stopping on one of the metrics the trainer produces. */
public record EarlyStoppingSettings(String monitor, int patience, double minDelta, boolean restoreBest) {

    /**
     * The watched metric of a {@code kind} network.
     *
     * @throws IllegalArgumentException for a name no such network produces, and for a test metric: a choice
     *     made on the test set makes its score optimistic
     */
    TrainingMetric metric(TaskKind kind) {
        List<String> allowed = TrainingMetric.monitorableNames(kind);
        TrainingMetric metric = TrainingMetric.byName(monitor, kind).orElseThrow(() -> new IllegalArgumentException(
                "early stopping monitor: unknown metric '" + monitor + "'; it may watch " + String.join(", ", allowed)));
        if (metric.split() == DataSplit.TEST) {
            throw new IllegalArgumentException("early stopping monitor: " + monitor + " is measured on the test"
                    + " set, which only scores the chosen model; watch " + DataSplit.VALIDATION.prefix() + "_"
                    + metric.measure().key() + " on a validation set (@Split) instead");
        }
        return metric;
    }

    void validate(TaskKind kind) {
        metric(kind);
        Checks.atLeast("early stopping patience", patience, 1);
        Checks.atLeastZero("early stopping minDelta", minDelta);
    }
}
