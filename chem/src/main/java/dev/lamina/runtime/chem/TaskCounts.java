package dev.lamina.runtime.chem;

import java.nio.file.Path;

/**
 * What one task file gave a merged data set.
 *
 * @param rows data rows with a usable SMILES
 * @param skipped rows whose SMILES CDK could not use
 * @param labelled molecules with a label for this task
 * @param actives labelled molecules labelled 1
 * @param duplicateRows rows naming a molecule an earlier row of the file already named
 * @param conflicting molecules the file labels both 0 and 1; they are left unlabelled for this task
 */
public record TaskCounts(String task, Path file, int rows, int skipped, int labelled, int actives,
        int duplicateRows, int conflicting) {

    /** "NR-AR: nr-ar.tab, 756 rows, 670 molecules labelled (333 active), 86 duplicate rows, 2 conflicting". */
    @Override
    public String toString() {
        return task + ": " + file.getFileName() + ", " + rows + " rows" + (skipped > 0 ? " (+" + skipped
                + " skipped)" : "") + ", " + labelled + " molecules labelled (" + actives + " active), "
                + duplicateRows + " duplicate rows, " + conflicting + " with conflicting labels (left missing)";
    }
}
