package dev.lamina.runtime.chem;

import dev.lamina.runtime.data.Dataset;

import java.util.List;
import java.util.Locale;

/**
 * What {@link SmilesData#loadTasks} loaded: one row per distinct molecule with a label column per task (NaN
 * where the molecule has no label for the task), what each task file contributed, and the first few rows
 * skipped for invalid SMILES.
 */
public record MultiTaskLoadResult(Dataset dataset, List<TaskCounts> tasks, List<SkippedSmiles> skippedExamples) {

    public MultiTaskLoadResult {
        tasks = List.copyOf(tasks);
        skippedExamples = List.copyOf(skippedExamples);
    }

    /** Rows skipped for invalid SMILES, over all files. */
    public int skippedCount() {
        return tasks.stream().mapToInt(TaskCounts::skipped).sum();
    }

    /** The share of (molecule, task) entries without a label. */
    public double missingFraction() {
        float[] labels = dataset.labels();
        long missing = 0;
        for (float label : labels) {
            if (Float.isNaN(label)) {
                missing++;
            }
        }
        return labels.length == 0 ? 0 : (double) missing / labels.length;
    }

    /** A line for the data set, then one per task and per skipped example. */
    public String summary() {
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: %d molecules, %d tasks, %.1f%% of labels missing, %d rows with invalid SMILES skipped",
                dataset.source(), dataset.size(), tasks.size(), 100 * missingFraction(), skippedCount()));
        for (TaskCounts task : tasks) {
            text.append(newline).append("  ").append(task);
        }
        for (SkippedSmiles example : skippedExamples) {
            text.append(newline).append("  ").append(example);
        }
        if (skippedCount() > skippedExamples.size()) {
            text.append(newline).append("  ...");
        }
        return text.toString();
    }
}
