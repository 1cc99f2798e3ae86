package dev.lamina.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.layers.LayerSpec;

import java.util.function.UnaryOperator;

/**
 * How a network's raw outputs become what it predicts. The loss decides ({@link #forKind}): softmax over the
 * logits of a classifier, an independent sigmoid per logit of yes/no tasks (12 Tox21 assays are 12 sigmoids,
 * not a softmax over 12), the raw values of a regression. A network that already ends in Softmax or Sigmoid
 * outputs probabilities itself and keeps them.
 */
enum OutputTransform {
    NONE(array -> array),
    SOFTMAX(array -> array.softmax(1)),
    SIGMOID(Activation::sigmoid);

    private final UnaryOperator<NDArray> operation;

    OutputTransform(UnaryOperator<NDArray> operation) {
        this.operation = operation;
    }

    NDArray apply(NDArray outputs) {
        return operation.apply(outputs);
    }

    /** The transform for a network trained for {@code kind}. */
    static OutputTransform forKind(LayerSpec lastLayer, TaskKind kind) {
        return switch (kind) {
            case REGRESSION -> NONE;
            case CLASSES -> lastLayer.outputsProbabilities() ? NONE : SOFTMAX;
            case BINARY -> lastLayer.outputsProbabilities() ? NONE : SIGMOID;
        };
    }

    /**
     * A guess from the output width alone, for a network whose loss is not known: sigmoid of one logit, softmax
     * over several. Wrong for several yes/no tasks and for regression; {@link #forKind} is right for both.
     */
    static OutputTransform forNetwork(LayerSpec lastLayer, long outputWidth) {
        if (lastLayer.outputsProbabilities()) {
            return NONE;
        }
        return outputWidth == 1 ? SIGMOID : SOFTMAX;
    }
}
