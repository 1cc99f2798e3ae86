package dev.lamina.runtime.report;

import dev.lamina.runtime.data.TaskColumn;

import dev.lamina.runtime.train.RocAuc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A receiver operating characteristic: false and true positive rates at every distinct threshold, from
 * (0, 0) to (1, 1), and the area under it. Without a positive or without a negative there is no curve: no
 * points and a NaN area.
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double area) {

    /** The ROC curve of scores against 0/1 labels, one point per distinct score. */
    public static RocCurve of(float[] scores, float[] labels) {
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

    /**
     * The ROC curve of each task over its labelled entries: {@code outputs[i * tasks + t]} against {@code
     * labels[i * tasks + t]}, a NaN (missing) label left out with its output.
     */
    public static List<RocCurve> perTask(float[] outputs, float[] labels, int tasks) {
        List<RocCurve> curves = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            TaskColumn column = TaskColumn.of(outputs, labels, tasks, t);
            curves.add(of(column.scores(), column.labels()));
        }
        return curves;
    }
}
