package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.report.RegressionPoints;
import dev.lamina.runtime.report.RocCurve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the report shows about the chosen parameters on the test set beyond its metrics: a confusion matrix for
 * classes, a ROC curve per yes/no task (over the task's labelled entries), predicted and true values for
 * regression. Computed once, at the end of a run.
 */
final class TestPredictions {

    private TestPredictions() {}

    /** {@code [actual][predicted]} counts. */
    static int[][] confusionMatrix(LaminaNetwork network, DeviceData test) {
        int classes = (int) network.outputWidth();
        int[][] counts = new int[classes][classes];
        float[] labels = test.source().labels();
        int n = test.size();
        int chunk = EvaluationChunks.rows(network);
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager scope = test.manager().newSubManager()) {
                NDArray x = test.features().get(scope, new NDIndex(from + ":" + to));
                long[] predicted = network.forwardEval(x).argMax(1).toLongArray();
                for (int i = 0; i < predicted.length; i++) {
                    counts[(int) labels[from + i]][(int) predicted[i]]++;
                }
            }
        }
        return counts;
    }

    /** The ROC curve of each yes/no task on {@code test}, in the order of the outputs. */
    static List<RocCurve> rocCurves(LaminaNetwork network, DeviceData test) {
        return rocCurves(outputs(network, test), test.source().labels(), test.labelWidth());
    }

    /**
     * The ROC curve of each task over its labelled entries: {@code outputs[i * tasks + t]} against {@code
     * labels[i * tasks + t]}, a NaN label left out.
     */
    static List<RocCurve> rocCurves(float[] outputs, float[] labels, int tasks) {
        List<RocCurve> curves = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            TaskColumns.Column column = TaskColumns.column(outputs, labels, tasks, t);
            curves.add(rocCurve(column.scores(), column.labels()));
        }
        return curves;
    }

    /**
     * The ROC curve of scores against 0/1 labels, one point per distinct score, from (0, 0) to (1, 1); no points
     * and a NaN area when the labels are all of one class, since the curve is then undefined.
     */
    static RocCurve rocCurve(float[] scores, float[] labels) {
        int n = scores.length;
        long positives = 0;
        for (float label : labels) {
            positives += label == 1f ? 1 : 0;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return new RocCurve(new double[0], new double[0], Double.NaN);
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        int points = 1;
        long truePositives = 0;
        long falsePositives = 0;
        for (int i = 0; i < n; i++) {
            if (labels[order[i]] == 1f) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean lastOfTie = i == n - 1 || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) {
                fpr[points] = falsePositives / (double) negatives;
                tpr[points] = truePositives / (double) positives;
                points++;
            }
        }
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), RocAuc.of(scores, labels));
    }

    /** The positive labels of each task; missing (NaN) labels are neither. */
    static int[] positives(float[] labels, int tasks) {
        int[] counts = new int[tasks];
        for (int i = 0; i < labels.length; i++) {
            counts[i % tasks] += labels[i] == 1f ? 1 : 0;
        }
        return counts;
    }

    /** A regression network's outputs on {@code test} beside the true values. */
    static RegressionPoints regression(LaminaNetwork network, DeviceData test) {
        return new RegressionPoints(outputs(network, test), test.source().labels().clone(), test.labelWidth());
    }

    /** The network's raw outputs on every sample of {@code data}, {@code size * labelWidth} of them. */
    static float[] outputs(LaminaNetwork network, DeviceData data) {
        int n = data.size();
        int width = data.labelWidth();
        int chunk = EvaluationChunks.rows(network);
        float[] outputs = new float[n * width];
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager scope = data.manager().newSubManager()) {
                NDArray x = data.features().get(scope, new NDIndex(from + ":" + to));
                System.arraycopy(network.forwardEval(x).toFloatArray(), 0, outputs, from * width, (to - from) * width);
            }
        }
        return outputs;
    }
}
