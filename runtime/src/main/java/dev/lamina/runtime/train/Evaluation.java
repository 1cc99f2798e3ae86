package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;

/**
 * Loss, accuracy and (for one logit) ROC AUC of a whole data set in eval mode, in chunks so memory
 * stays bounded; only the per-chunk sums (and the logits, for AUC) come back to Java.
 */
record Evaluation(double loss, double accuracy, double rocAuc) {

    static final Evaluation NONE = new Evaluation(Double.NaN, Double.NaN, Double.NaN);

    static Evaluation of(LaminaNetwork network, DeviceData data, Loss loss) {
        int n = data.size();
        int chunk = EvaluationChunks.rows(network);
        double lossSum = 0;
        long correct = 0;
        boolean binary = loss == Loss.BCE_WITH_LOGITS;
        float[] scores = binary ? new float[n] : null;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager scope = data.manager().newSubManager()) {
                NDIndex rows = new NDIndex(from + ":" + to);
                NDArray x = data.features().get(scope, rows);
                NDArray y = data.labels().get(scope, rows);
                NDArray outputs = network.forwardEval(x);
                lossSum += LossFunction.mean(loss, outputs, y).getFloat() * (double) (to - from);
                correct += LossFunction.correct(loss, outputs, y).toType(ai.djl.ndarray.types.DataType.INT64, false)
                        .getLong();
                if (binary) {
                    System.arraycopy(outputs.toFloatArray(), 0, scores, from, to - from);
                }
            }
        }
        double auc = binary ? RocAuc.of(scores, data.source().labels()) : Double.NaN;
        return new Evaluation(lossSum / n, correct / (double) n, auc);
    }
}
