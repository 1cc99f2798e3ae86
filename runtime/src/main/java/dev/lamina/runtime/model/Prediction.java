package dev.lamina.runtime.model;

import java.util.Arrays;
import java.util.List;

/**
 * What a classifier, or a model of one yes/no task, predicts for one input: the class and every class's
 * probability. A model of several yes/no tasks or a regression predicts one value per output instead: {@link
 * LaminaModel#predictOutputs(Object)}.
 *
 * @param predictedClass the most probable class: the digit for MNIST, 1 (active) or 0 for a one-logit model
 * @param probabilities one per class; a one-logit model has two, P(0) and P(1)
 * @param classNames the name of each class when the training labels were text ({@code ["cat", "dog"]}),
 *     empty otherwise
 */
public record Prediction(int predictedClass, float[] probabilities, List<String> classNames) {

    public Prediction {
        probabilities = probabilities.clone();
        classNames = List.copyOf(classNames);
        if (predictedClass < 0 || predictedClass >= probabilities.length) {
            throw new IllegalArgumentException("class " + predictedClass + " of " + probabilities.length);
        }
        if (!classNames.isEmpty() && classNames.size() != probabilities.length) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + probabilities.length
                    + " classes");
        }
    }

    /** A prediction of unnamed classes. */
    public Prediction(int predictedClass, float[] probabilities) {
        this(predictedClass, probabilities, List.of());
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of {@code index}. */
    public float probability(int index) {
        return probabilities[index];
    }

    /** Whether the classes have names. */
    public boolean named() {
        return !classNames.isEmpty();
    }

    /** The predicted class's name ({@code "dog"}), or its index as text ({@code "3"}) when classes are unnamed. */
    public String predictedName() {
        return named() ? classNames.get(predictedClass) : Integer.toString(predictedClass);
    }

    /**
     * The probability of the class named {@code name}.
     *
     * @throws IllegalArgumentException if no class has that name
     */
    public float probability(String name) {
        int index = classNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no class is named '" + name + "'"
                    + (named() ? "; the classes are " + classNames : "; the classes have no names"));
        }
        return probabilities[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && predictedClass == that.predictedClass
                && Arrays.equals(probabilities, that.probabilities) && classNames.equals(that.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * predictedClass + Arrays.hashCode(probabilities)) + classNames.hashCode();
    }

    @Override
    public String toString() {
        return "Prediction[class=" + (named() ? predictedClass + " (" + predictedName() + ")" : predictedClass)
                + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
