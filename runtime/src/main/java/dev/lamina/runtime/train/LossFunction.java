package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

import dev.lamina.dsl.Loss;
import dev.lamina.spec.contract.TaskKind;

/**
 * The losses of {@link Loss}, computed the way PyTorch computes them, averaged over the batch (and, for
 * several tasks or targets, over every labelled entry).
 */
public final class LossFunction {

    private LossFunction() {}

    /** What a network trained with {@code loss} predicts. */
    public static TaskKind taskKind(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> TaskKind.CLASSES;
            case BCE_WITH_LOGITS -> TaskKind.BINARY;
            case MSE, L1, HUBER -> TaskKind.REGRESSION;
        };
    }

    /** The loss's name as PyTorch users know it, for console lines and the report. */
    public static String describe(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> "cross-entropy";
            case BCE_WITH_LOGITS -> "BCE-with-logits";
            case MSE -> "MSE";
            case L1 -> "L1";
            case HUBER -> "Huber";
        };
    }

    /** The mean loss of a batch whose labels are all present. */
    public static NDArray mean(Loss loss, NDArray outputs, NDArray labels) {
        return mean(loss, outputs, labels, false);
    }

    /**
     * The mean loss of a batch.
     *
     * @param outputs raw outputs: (N, C) logits for cross-entropy, (N, T) for BCE-with-logits and regression
     * @param labels class indices as int64 (N) for cross-entropy, (N, T) float32 otherwise
     * @param missingLabels whether some labels are NaN (missing): they are left out of the loss, which is then
     *     the mean over the labelled entries, as {@code bce(logits[mask], labels[mask])} is in PyTorch. Only
     *     BCE-with-logits data may have missing labels; without them the unmasked (cheaper) form runs.
     */
    public static NDArray mean(Loss loss, NDArray outputs, NDArray labels, boolean missingLabels) {
        return switch (loss) {
            case CROSS_ENTROPY -> crossEntropy(outputs, labels);
            case BCE_WITH_LOGITS -> missingLabels ? maskedBce(outputs, labels) : bceTerms(outputs, labels).mean();
            case MSE -> outputs.sub(labels).square().mean();
            case L1 -> outputs.sub(labels).abs().mean();
            case HUBER -> huber(outputs.sub(labels)).mean();
        };
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
    private static NDArray bceTerms(NDArray logits, NDArray labels) {
        return Activation.softPlus(logits).sub(logits.mul(labels));
    }

    /**
     * The BCE terms of the labelled entries, summed and divided by their count. A missing label is replaced by 0
     * before it meets the logits (NaN times anything is NaN, in the gradient too) and its term is then zeroed by
     * the mask.
     */
    private static NDArray maskedBce(NDArray logits, NDArray labels) {
        NDArray present = labels.isNaN().logicalNot();
        NDArray filled = NDArrays.where(present, labels, labels.zerosLike());
        NDArray mask = present.toType(DataType.FLOAT32, false);
        return bceTerms(logits, filled).mul(mask).sum().div(mask.sum().maximum(1f));
    }

    /** PyTorch's {@code HuberLoss(delta=1)}: {@code d^2 / 2} within 1 of the target, {@code |d| - 1/2} beyond. */
    private static NDArray huber(NDArray difference) {
        NDArray absolute = difference.abs();
        return NDArrays.where(absolute.lt(1f), difference.square().mul(0.5f), absolute.sub(0.5f));
    }

    /** The labels as the loss needs them on the device: class indices, or one column per task or target. */
    public static NDArray prepareLabels(Loss loss, NDArray labels, int labelWidth) {
        return loss == Loss.CROSS_ENTROPY ? labels.toType(DataType.INT64, false) : labels.reshape(-1, labelWidth);
    }

    /** {@link #prepareLabels(Loss, NDArray, int)} for one label per sample. */
    public static NDArray prepareLabels(Loss loss, NDArray labels) {
        return prepareLabels(loss, labels, 1);
    }
}
