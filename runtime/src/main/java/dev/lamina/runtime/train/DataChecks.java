package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;

import java.util.Arrays;
import java.util.List;

/**
 * Checks that data fits a network before training starts, so a bad label is reported with its file
 * and line instead of surfacing as a native error (or, worse, a silently wrong loss) hours later.
 */
final class DataChecks {

    private DataChecks() {}

    /**
     * @param tasks the task names the network was compiled for ({@code @Tasks}), empty for one unnamed label
     */
    static void check(LaminaNetwork network, Loss loss, List<String> tasks, Dataset data, String role) {
        if (data.size() == 0) {
            throw new TrainingException("the " + role + " data " + data.source() + " has no samples");
        }
        if (!Arrays.equals(data.sampleShape(), network.architecture().inputShape())) {
            throw new TrainingException("the " + role + " data " + data.source() + " has samples of shape "
                    + Arrays.toString(data.sampleShape()) + ", but " + network.name() + " expects "
                    + Arrays.toString(network.architecture().inputShape()));
        }
        checkTasks(network, tasks, data, role);
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
        int labelWidth = data.labelWidth();
        for (int i = 0; i < labels.length; i++) {
            float label = labels[i];
            boolean valid = switch (loss) {
                case CROSS_ENTROPY -> label == Math.rint(label) && label >= 0 && label < outputs;
                case BCE_WITH_LOGITS -> label == 0f || label == 1f || Float.isNaN(label);
                case MSE, L1, HUBER -> Float.isFinite(label);
            };
            if (!valid) {
                String expected = switch (loss) {
                    case CROSS_ENTROPY -> "a class index from 0 to " + (outputs - 1) + " (" + network.name() + " has "
                            + outputs + " outputs)";
                    case BCE_WITH_LOGITS -> "0, 1 or missing (BCE-with-logits)";
                    case MSE, L1, HUBER -> "a finite number (a regression target)";
                };
                String task = labelWidth > 1 ? " of task " + taskName(data, i % labelWidth) : "";
                throw new TrainingException(data.describeRow(i / labelWidth) + ": label" + task + " " + label
                        + " is not " + expected);
            }
        }
    }

    private static void checkTasks(LaminaNetwork network, List<String> tasks, Dataset data, String role) {
        int expected = tasks.isEmpty() ? 1 : tasks.size();
        if (data.labelWidth() != expected) {
            throw new TrainingException("the " + role + " data " + data.source() + " has " + data.labelWidth()
                    + " labels per sample, but " + network.name() + " was compiled for " + (tasks.isEmpty()
                            ? "one (add @Tasks with the task names to the data class)"
                            : tasks.size() + " tasks " + tasks));
        }
        if (!tasks.isEmpty() && !data.taskNames().isEmpty() && !data.taskNames().equals(tasks)) {
            throw new TrainingException("the " + role + " data " + data.source() + " has the tasks "
                    + data.taskNames() + ", but " + network.name() + " was compiled for " + tasks
                    + "; @Tasks must name the data's label columns in the order of the network's outputs");
        }
    }

    private static String taskName(Dataset data, int column) {
        return data.taskNames().isEmpty() ? Integer.toString(column + 1) : data.taskNames().get(column);
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

    /**
     * The loss needs a matching output layer; the compiler checks annotated networks, this checks code-built
     * ones and data whose label columns the compiler could not see.
     */
    static void checkOutputs(LaminaNetwork network, Loss loss, List<String> tasks, Dataset train) {
        checkTasks(network, tasks, train, "training");
        long outputs = network.outputWidth();
        int labels = tasks.isEmpty() ? train.labelWidth() : tasks.size();
        if (loss == Loss.CROSS_ENTROPY && outputs < 2) {
            throw new TrainingException(network.name() + " has " + outputs + " output; cross-entropy needs one"
                    + " logit per class (at least 2). For a yes/no target use BCE_WITH_LOGITS");
        }
        if (loss == Loss.BCE_WITH_LOGITS && outputs != labels) {
            throw new TrainingException(network.name() + " has " + outputs + " outputs; BCE-with-logits needs"
                    + " exactly one logit per task, and the data has " + labels + (labels == 1 ? " task" : " tasks")
                    + ". For classes use CROSS_ENTROPY");
        }
        if (LossFunction.taskKind(loss) == dev.lamina.spec.contract.TaskKind.REGRESSION && outputs != labels) {
            throw new TrainingException(network.name() + " has " + outputs + " outputs; " + LossFunction.describe(loss)
                    + " needs one output per regression target, and the data has " + labels);
        }
    }
}
