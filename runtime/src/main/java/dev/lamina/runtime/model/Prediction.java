package dev.lamina.runtime.model;

import java.util.Arrays;

/**
 * What a model predicts for one input.
 *
 * @param predictedClass the most probable class: the digit for MNIST, 1 (active) or 0 for a one-logit model
 * @param probabilities one per class; a one-logit model has two, P(0) and P(1)
 */
public record Prediction(int predictedClass, float[] probabilities) {

    public Prediction {
        probabilities = probabilities.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of {@code index}. */
    public float probability(int index) {
        return probabilities[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && predictedClass == that.predictedClass
                && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * predictedClass + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Prediction[class=" + predictedClass + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
