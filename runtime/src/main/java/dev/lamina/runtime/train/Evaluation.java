package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TaskKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A network's metrics on a whole data set in eval mode, computed in chunks so memory stays bounded: for classes
 * only per-chunk sums come back to Java; for yes/no tasks and regression the outputs do (one float per task and
 * sample), since ranking metrics and R² need them all.
 *
 * @param means each measure the network's kind has: the loss over labelled entries, and the mean over tasks of
 *     the per-task metrics
 * @param perTask each per-task measure's value for every task, in the order of the outputs (empty for classes)
 * @param outputs the raw outputs, {@code samples * tasks} of them, when they were read (yes/no tasks and
 *     regression), for the report's curves and scatter plots
 */
record Evaluation(int samples, Map<Measure, Double> means, Map<Measure, double[]> perTask, Optional<float[]> outputs) {

    Evaluation {
        means = Collections.unmodifiableMap(new EnumMap<>(means));
        perTask = Collections.unmodifiableMap(perTask.isEmpty() ? Map.of() : new EnumMap<>(perTask));
    }

    /** The value of {@code measure}, NaN if this evaluation has none. */
    double value(Measure measure) {
        return means.getOrDefault(measure, Double.NaN);
    }

    /**
     * @param ranking whether to compute the ranking metrics (ROC and PR AUC) and regression errors too, or only
     *     loss and accuracy (what the training set gets after each epoch)
     */
    static Evaluation of(LaminaNetwork network, DeviceData data, Loss loss, boolean ranking) {
        TaskKind kind = LossFunction.taskKind(loss);
        int n = data.size();
        int width = data.labelWidth();
        int chunk = EvaluationChunks.rows(network);
        boolean readOutputs = kind != TaskKind.CLASSES;
        float[] outputs = readOutputs ? new float[n * width] : null;
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager scope = data.manager().newSubManager()) {
                NDIndex rows = new NDIndex(from + ":" + to);
                NDArray x = data.features().get(scope, rows);
                NDArray y = data.labels().get(scope, rows);
                NDArray output = network.forwardEval(x);
                // Weighted by the chunk's labelled entries, so chunks average to the mean over the whole set.
                long labelled = data.labelledEntries(from, to);
                if (labelled > 0) {
                    lossSum += LossFunction.mean(loss, output, y, data.missingLabels()).getFloat() * (double) labelled;
                }
                if (readOutputs) {
                    System.arraycopy(output.toFloatArray(), 0, outputs, from * width, (to - from) * width);
                } else {
                    correct += output.argMax(1).eq(y).sum().toType(DataType.INT64, false).getLong();
                }
            }
        }
        long labelledTotal = data.labelledEntries(0, n);
        Map<Measure, Double> means = new EnumMap<>(Measure.class);
        means.put(Measure.LOSS, labelledTotal == 0 ? Double.NaN : lossSum / labelledTotal);
        Map<Measure, double[]> perTask = new EnumMap<>(Measure.class);
        switch (kind) {
            case CLASSES -> means.put(Measure.ACCURACY, correct / (double) n);
            case BINARY -> {
                float[] labels = data.source().labels();
                long right = 0;
                for (int i = 0; i < labels.length; i++) {
                    right += !Float.isNaN(labels[i]) && (outputs[i] > 0 ? 1f : 0f) == labels[i] ? 1 : 0;
                }
                means.put(Measure.ACCURACY, labelledTotal == 0 ? Double.NaN : right / (double) labelledTotal);
                if (ranking) {
                    perTask.putAll(TaskColumns.binary(outputs, labels, width));
                    means.put(Measure.ROC_AUC, TaskColumns.meanOfDefined(perTask.get(Measure.ROC_AUC)));
                    means.put(Measure.PR_AUC, TaskColumns.meanOfDefined(perTask.get(Measure.PR_AUC)));
                }
            }
            case REGRESSION -> {
                if (ranking) {
                    float[] labels = data.source().labels();
                    perTask.putAll(TaskColumns.regression(outputs, labels, width));
                    means.put(Measure.RMSE, overall(outputs, labels, true));
                    means.put(Measure.MAE, overall(outputs, labels, false));
                    means.put(Measure.R2, TaskColumns.meanOfDefined(perTask.get(Measure.R2)));
                }
            }
        }
        return new Evaluation(n, means, perTask, Optional.ofNullable(outputs));
    }

    /** RMSE (or MAE) over every labelled entry of every target, as PyTorch's loss over the whole set would be. */
    private static double overall(float[] outputs, float[] labels, boolean squared) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (!Float.isNaN(labels[i])) {
                double error = outputs[i] - (double) labels[i];
                sum += squared ? error * error : Math.abs(error);
                count++;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        return squared ? Math.sqrt(sum / count) : sum / count;
    }
}
