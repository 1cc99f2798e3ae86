package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;

import java.util.Arrays;

/**
 * Checks that data fits a network before training starts, so a bad label is reported with its file
 * and line instead of surfacing as a native error (or, worse, a silently wrong loss) hours later.
 */
final class DataChecks {

    private DataChecks() {}

    static void check(LaminaNetwork network, Loss loss, Dataset data, String role) {
        if (data.size() == 0) {
            throw new TrainingException("the " + role + " data " + data.source() + " has no samples");
        }
        if (!Arrays.equals(data.sampleShape(), network.architecture().inputShape())) {
            throw new TrainingException("the " + role + " data " + data.source() + " has samples of shape "
                    + Arrays.toString(data.sampleShape()) + ", but " + network.name() + " expects "
                    + Arrays.toString(network.architecture().inputShape()));
        }
        float[] features = data.features();
        int width = data.sampleSize();
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new TrainingException(data.describeRow(i / width) + ": feature " + (i % width + 1)
                        + " is " + features[i] + "; every input value must be a finite number");
            }
        }
        long outputs = network.outputWidth();
        float[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            float label = labels[i];
            boolean valid = loss == Loss.CROSS_ENTROPY
                    ? label == Math.rint(label) && label >= 0 && label < outputs
                    : label == 0f || label == 1f;
            if (!valid) {
                String expected = loss == Loss.CROSS_ENTROPY
                        ? "a class index from 0 to " + (outputs - 1) + " (" + network.name() + " has " + outputs
                                + " outputs)"
                        : "0 or 1 (BCE-with-logits)";
                throw new TrainingException(data.describeRow(i) + ": label " + label + " is not " + expected);
            }
        }
    }

    /**
     * BatchNorm normalises with the statistics of the batch, which a single sample does not have: PyTorch
     * rejects it natively. Batches of one (a last, short batch) are skipped, so only a batch size or a
     * training set below 2 leaves nothing to train on.
     */
    static void checkBatchStatistics(LaminaNetwork network, int batchSize, Dataset train) {
        if (!network.hasBatchNorm()) {
            return;
        }
        if (batchSize < 2) {
            throw new TrainingException(network.name() + " has BatchNorm, which needs at least 2 samples per"
                    + " batch; the batch size is " + batchSize);
        }
        if (train.size() < 2) {
            throw new TrainingException(network.name() + " has BatchNorm, which needs at least 2 training"
                    + " samples; " + train.source() + " has " + train.size());
        }
    }

    /** The loss needs a matching output layer; the compiler checks annotated networks, this checks code-built ones. */
    static void checkOutputs(LaminaNetwork network, Loss loss) {
        long outputs = network.outputWidth();
        if (loss == Loss.CROSS_ENTROPY && outputs < 2) {
            throw new TrainingException(network.name() + " has " + outputs + " output; cross-entropy needs one"
                    + " logit per class (at least 2). For a yes/no target use BCE_WITH_LOGITS");
        }
        if (loss == Loss.BCE_WITH_LOGITS && outputs != 1) {
            throw new TrainingException(network.name() + " has " + outputs + " outputs; BCE-with-logits needs"
                    + " exactly one logit. For classes use CROSS_ENTROPY");
        }
    }
}
