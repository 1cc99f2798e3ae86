package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.report.RocCurve;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What the report shows about the final network on the test set: a confusion matrix for classes, the
 * ROC curve for one logit. Computed once, at the end of a run.
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

    /** The ROC curve of the logits, one point per distinct score, from (0, 0) to (1, 1). */
    static RocCurve rocCurve(LaminaNetwork network, DeviceData test) {
        float[] scores = scores(network, test);
        float[] labels = test.source().labels();
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        long positives = 0;
        for (float label : labels) {
            positives += label == 1f ? 1 : 0;
        }
        long negatives = n - positives;
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
                fpr[points] = negatives == 0 ? 0 : falsePositives / (double) negatives;
                tpr[points] = positives == 0 ? 0 : truePositives / (double) positives;
                points++;
            }
        }
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), RocAuc.of(scores, labels));
    }

    private static float[] scores(LaminaNetwork network, DeviceData test) {
        int n = test.size();
        int chunk = EvaluationChunks.rows(network);
        float[] scores = new float[n];
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager scope = test.manager().newSubManager()) {
                NDArray x = test.features().get(scope, new NDIndex(from + ":" + to));
                System.arraycopy(network.forwardEval(x).toFloatArray(), 0, scores, from, to - from);
            }
        }
        return scores;
    }
}
