package dev.lamina.runtime.report;

/**
 * A regression network's outputs on a set next to the true values: entry {@code i * targets + t} is sample
 * {@code i}'s target {@code t}; a NaN true value is a missing label, and the plots leave it out.
 */
public record RegressionPoints(float[] predicted, float[] actual, int targets) {

    public RegressionPoints {
        if (targets < 1 || predicted.length != actual.length || actual.length % targets != 0) {
            throw new IllegalArgumentException(predicted.length + " predictions and " + actual.length
                    + " true values for " + targets + " targets");
        }
    }

    public int samples() {
        return actual.length / targets;
    }
}
