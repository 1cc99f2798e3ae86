package dev.lamina.runtime.chem;

import dev.lamina.runtime.data.Dataset;

import java.util.List;

/**
 * What {@link SmilesData} loaded: the fingerprinted molecules, and how many rows were skipped for invalid
 * SMILES, with the first few of them as examples.
 */
public record SmilesLoadResult(Dataset dataset, int skippedCount, List<SkippedSmiles> skippedExamples) {

    /** How many skipped rows are kept as examples. */
    public static final int MAX_EXAMPLES = 5;

    public SmilesLoadResult {
        skippedExamples = List.copyOf(skippedExamples);
    }

    /** One line, plus one per example: "sr-mmp.tab: 2246 molecules, 0 rows with invalid SMILES skipped". */
    public String summary() {
        StringBuilder text = new StringBuilder(dataset.source() + ": " + dataset.size() + " molecules, "
                + skippedCount + (skippedCount == 1 ? " row" : " rows") + " with invalid SMILES skipped");
        for (SkippedSmiles example : skippedExamples) {
            text.append(System.lineSeparator()).append("  ").append(example);
        }
        if (skippedCount > skippedExamples.size()) {
            text.append(System.lineSeparator()).append("  ...");
        }
        return text.toString();
    }
}
