package dev.lamina.runtime.chem;

import java.nio.file.Path;
import java.util.List;

/** The usable rows of one SMILES file, in file order, and what was skipped, before they become a data set. */
record LabelledMolecules(Path file, List<Row> rows, int skippedCount, List<SkippedSmiles> skippedExamples) {

    LabelledMolecules {
        rows = List.copyOf(rows);
        skippedExamples = List.copyOf(skippedExamples);
    }

    /** One row: the molecule, its 0/1 label and the 1-based line it was on. */
    record Row(FingerprintedMolecule molecule, float label, int line) {}
}
