package dev.lamina.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import dev.lamina.spec.layers.LayerSpec;

import java.util.function.UnaryOperator;

/** How a network's raw outputs become probabilities, decided by its last layer and output width. */
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

    static OutputTransform forNetwork(LayerSpec lastLayer, long outputWidth) {
        if (lastLayer.outputsProbabilities()) {
            return NONE;
        }
        return outputWidth == 1 ? SIGMOID : SOFTMAX;
    }
}
