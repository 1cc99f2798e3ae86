package dev.lamina.runtime.data;

import java.util.Arrays;

/**
 * One task's outputs and labels over its labelled entries only, out of row-major arrays with one column per task:
 * {@code outputs[i * tasks + t]} against {@code labels[i * tasks + t]}, a NaN (missing) label left out with its
 * output. What every per-task metric and curve is computed from.
 */
public record TaskColumn(float[] scores, float[] labels) {

    /** Task {@code task}'s labelled entries. */
    public static TaskColumn of(float[] outputs, float[] labels, int tasks, int task) {
        int n = labels.length / tasks;
        float[] scores = new float[n];
        float[] present = new float[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            float label = labels[i * tasks + task];
            if (!Float.isNaN(label)) {
                scores[kept] = outputs[i * tasks + task];
                present[kept] = label;
                kept++;
            }
        }
        return new TaskColumn(Arrays.copyOf(scores, kept), Arrays.copyOf(present, kept));
    }
}
