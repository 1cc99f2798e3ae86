package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

import dev.lamina.dsl.Loss;

/** The losses of {@link Loss}, computed the way PyTorch computes them, averaged over the batch. */
public final class LossFunction {

    private LossFunction() {}

    /**
     * The mean loss of a batch.
     *
     * @param outputs raw logits: (N, C) for cross-entropy, (N, 1) for BCE-with-logits
     * @param labels class indices as int64 (N) for cross-entropy, 0/1 as float32 (N, 1) for BCE
     */
    public static NDArray mean(Loss loss, NDArray outputs, NDArray labels) {
        return loss == Loss.CROSS_ENTROPY ? crossEntropy(outputs, labels) : bceWithLogits(outputs, labels);
    }

    /** {@code -log softmax(x)[label]}, from log-softmax so large logits do not overflow. */
    private static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.expandDims(1), 1).neg().mean();
    }

    /**
     * {@code log(1 + exp(x)) - x y}, with PyTorch's softplus for the first term: it returns {@code x}
     * itself above 20, so large logits do not overflow. Four ops (and four backward nodes) where the
     * textbook form {@code max(x, 0) - x y + log(1 + exp(-|x|))} takes ten.
     */
    private static NDArray bceWithLogits(NDArray logits, NDArray labels) {
        return Activation.softPlus(logits).sub(logits.mul(labels)).mean();
    }

    /** The labels as the loss needs them on the device. */
    public static NDArray prepareLabels(Loss loss, NDArray labels) {
        return loss == Loss.CROSS_ENTROPY ? labels.toType(DataType.INT64, false) : labels.reshape(-1, 1);
    }

    /** How many predictions in the batch are right: argmax for classes, logit above 0 for binary. */
    static NDArray correct(Loss loss, NDArray outputs, NDArray labels) {
        NDArray predicted = loss == Loss.CROSS_ENTROPY
                ? outputs.argMax(1)
                : outputs.gt(0).toType(DataType.FLOAT32, false);
        return predicted.eq(labels).sum();
    }
}
