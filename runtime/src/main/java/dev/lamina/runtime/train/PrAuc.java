package dev.lamina.runtime.train;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the precision-recall curve as average precision: {@code sum over thresholds of (R_n - R_{n-1}) P_n},
 * one threshold per distinct score, highest first; the same number as scikit-learn's {@code
 * average_precision_score}. Unlike ROC AUC it depends on how rare the positives are, which is why imbalanced
 * assays report both.
 */
public final class PrAuc {

    private PrAuc() {}

    /** NaN when there is no positive, since recall is then undefined. */
    public static double of(float[] scores, float[] labels) {
        int n = scores.length;
        long positives = 0;
        for (float label : labels) {
            positives += label == 1f ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        double precisionSum = 0;
        long truePositives = 0;
        double lastRecall = 0;
        for (int i = 0; i < n; i++) {
            if (labels[order[i]] == 1f) {
                truePositives++;
            }
            boolean lastOfTie = i == n - 1 || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) {
                double recall = truePositives / (double) positives;
                precisionSum += (recall - lastRecall) * (truePositives / (double) (i + 1));
                lastRecall = recall;
            }
        }
        return precisionSum;
    }
}
