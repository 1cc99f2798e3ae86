package dev.lamina.runtime.train;

/** Keras-style early stopping on one of the metrics the trainer produces. */
public record EarlyStoppingSettings(String monitor, int patience, double minDelta, boolean restoreBest) {

    void validate(boolean binary) {
        try {
            Metric.byName(monitor, binary);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("early stopping monitor: " + e.getMessage(), e);
        }
        Checks.atLeast("early stopping patience", patience, 1);
        Checks.atLeastZero("early stopping minDelta", minDelta);
    }
}
