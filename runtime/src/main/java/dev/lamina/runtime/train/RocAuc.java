package dev.lamina.runtime.train;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve, as the probability that a random positive scores above a random negative
 * (Mann-Whitney U), ties counting half: the same number as scikit-learn's {@code roc_auc_score}.
 */
public final class RocAuc {

    private RocAuc() {}

    /** NaN when one of the two classes is absent, since the curve is then undefined. */
    public static double of(float[] scores, float[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1f) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
