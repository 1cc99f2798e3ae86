package dev.lamina.runtime.report;

import dev.lamina.spec.contract.DataSplit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chosen parameters predicted, beyond the numbers {@code RunMetrics} holds: what the report draws. All
 * of it is on the test set, evaluated once, except the positives, which the per-task tables show for the
 * validation set too.
 *
 * @param confusionMatrix classes: {@code [actual][predicted]} counts
 * @param rocCurves yes/no tasks: one ROC curve per task, in the order of the outputs, each over the task's
 *     labelled entries (a task without positives or negatives has a curve of no points and a NaN area)
 * @param positives yes/no tasks: the positive labels of each task, per set
 * @param regression regression: the predicted and true values
 */
public record FinalPredictions(
        Optional<int[][]> confusionMatrix,
        List<RocCurve> rocCurves,
        Map<DataSplit, int[]> positives,
        Optional<RegressionPoints> regression) {

    public FinalPredictions {
        Objects.requireNonNull(confusionMatrix, "confusionMatrix");
        rocCurves = List.copyOf(rocCurves);
        positives = positives.isEmpty() ? Map.of() : new EnumMap<>(positives);
        Objects.requireNonNull(regression, "regression");
    }

    /** Nothing to draw: a run without a test set. */
    public static FinalPredictions none() {
        return new FinalPredictions(Optional.empty(), List.of(), Map.of(), Optional.empty());
    }

    /** Classes: the confusion matrix on the test set. */
    public static FinalPredictions classes(int[][] confusionMatrix) {
        return new FinalPredictions(Optional.of(confusionMatrix), List.of(), Map.of(), Optional.empty());
    }

    /** Yes/no tasks: the ROC curve of each task on the test set and the positives of each set. */
    public static FinalPredictions binary(List<RocCurve> rocCurves, Map<DataSplit, int[]> positives) {
        return new FinalPredictions(Optional.empty(), rocCurves, positives, Optional.empty());
    }

    /**
     * Yes/no tasks from the test set's outputs ({@code outputs[i * tasks + t]}, logits) and labels (NaN missing):
     * each task's ROC curve over its labelled entries and the positives of each set whose labels are given.
     */
    public static FinalPredictions binary(float[] testOutputs, Map<DataSplit, float[]> labels, int tasks) {
        Map<DataSplit, int[]> positives = new EnumMap<>(DataSplit.class);
        labels.forEach((split, values) -> positives.put(split, positives(values, tasks)));
        float[] testLabels = labels.get(DataSplit.TEST);
        List<RocCurve> curves = testLabels == null ? List.of() : RocCurve.perTask(testOutputs, testLabels, tasks);
        return binary(curves, positives);
    }

    /** The positive labels of each task ({@code labels[i * tasks + t] == 1}); a missing (NaN) label is neither. */
    public static int[] positives(float[] labels, int tasks) {
        int[] counts = new int[tasks];
        for (int i = 0; i < labels.length; i++) {
            counts[i % tasks] += labels[i] == 1f ? 1 : 0;
        }
        return counts;
    }

    /** Regression: predicted and true values on the test set. */
    public static FinalPredictions regression(RegressionPoints points) {
        return new FinalPredictions(Optional.empty(), List.of(), Map.of(), Optional.of(points));
    }

    /** The positives of each task on {@code split}, if they were counted. */
    public Optional<int[]> positives(DataSplit split) {
        return Optional.ofNullable(positives.get(split));
    }
}
