package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.report.FinalPredictions;
import dev.lamina.runtime.report.RegressionPoints;
import dev.lamina.spec.contract.DataSplit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the report shows about the chosen parameters on the test set beyond its metrics: a confusion matrix for
 * classes, a ROC curve per yes/no task (over the task's labelled entries, {@link
 * dev.lamina.runtime.report.RocCurve#perTask}) and the positives of each task, predicted and true values for
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

    /** Yes/no tasks: each task's ROC curve on the test set, and the positives of the validation and test sets. */
    static FinalPredictions binary(LaminaNetwork network, DeviceData test, Optional<DeviceData> validation) {
        Map<DataSplit, float[]> labels = new EnumMap<>(DataSplit.class);
        validation.ifPresent(data -> labels.put(DataSplit.VALIDATION, data.source().labels()));
        labels.put(DataSplit.TEST, test.source().labels());
        return FinalPredictions.binary(outputs(network, test), labels, test.labelWidth());
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
