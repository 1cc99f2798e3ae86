package dev.lamina.runtime.chem;

import dev.lamina.runtime.data.DataFormatException;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.DelimitedRows;
import dev.lamina.runtime.data.NumericCell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads molecules with a 0/1 activity from a delimited text file with a header, turning each SMILES into a
 * circular fingerprint. Immutable; each setting returns a new loader:
 *
 * <pre>
 * SmilesLoadResult result = SmilesData.tsv().smiles("SMILES").label("activity").load(Path.of("sr-mmp.tab"));
 * </pre>
 *
 * Samples have shape [fingerprint length] and hold 0s and 1s; labels are 0 or 1 (anything else is an error with
 * file and line, whatever the SMILES policy). Invalid SMILES are skipped by default ({@link InvalidSmilesPolicy}).
 * A regression target is read with {@link #numericLabel} instead: any finite number.
 * The file format is that of {@link DelimitedRows}. Every molecule's Bemis-Murcko scaffold is recorded as its
 * group, for a scaffold split; {@link #loadTasks} merges several files, one per task.
 */
public final class SmilesData {

    private final char delimiter;
    private final String smilesColumn;
    private final String labelColumn;
    private final EcfpClass ecfpClass;
    private final int length;
    private final InvalidSmilesPolicy policy;
    /** Whether the label is any finite number (a regression target) rather than 0 or 1. */
    private final boolean numericLabel;

    private SmilesData(char delimiter, String smilesColumn, String labelColumn, EcfpClass ecfpClass, int length,
            InvalidSmilesPolicy policy, boolean numericLabel) {
        this.delimiter = delimiter;
        this.smilesColumn = smilesColumn;
        this.labelColumn = labelColumn;
        this.ecfpClass = ecfpClass;
        this.length = length;
        this.policy = policy;
        this.numericLabel = numericLabel;
    }

    /** Tab-separated, as the Tox21 {@code .tab} files. ECFP4, 2048 bits, invalid SMILES skipped. */
    public static SmilesData tsv() {
        return delimitedBy('\t');
    }

    /** Comma-separated. ECFP4, 2048 bits, invalid SMILES skipped. */
    public static SmilesData csv() {
        return delimitedBy(',');
    }

    public static SmilesData delimitedBy(char delimiter) {
        return new SmilesData(delimiter, null, null, EcfpClass.ECFP4, CircularFingerprints.DEFAULT_LENGTH,
                InvalidSmilesPolicy.SKIP, false);
    }

    /** The header name of the SMILES column. */
    public SmilesData smiles(String columnName) {
        return new SmilesData(delimiter, columnName, labelColumn, ecfpClass, length, policy, numericLabel);
    }

    /** The fingerprint this loader computes: the preprocessing a model trained on its data needs. */
    public SmilesFingerprint preprocessing() {
        return new SmilesFingerprint(ecfpClass, length);
    }

    /** The header name of the 0/1 label column. */
    public SmilesData label(String columnName) {
        return new SmilesData(delimiter, smilesColumn, columnName, ecfpClass, length, policy, false);
    }

    /**
     * The header name of a numeric label column, for regression ({@code Loss.MSE}, {@code L1}, {@code HUBER}):
     * any finite number is a label, where {@link #label} accepts only 0 and 1 so that a classification file with
     * a stray value fails at load rather than training on it.
     */
    public SmilesData numericLabel(String columnName) {
        return new SmilesData(delimiter, smilesColumn, columnName, ecfpClass, length, policy, true);
    }

    public SmilesData fingerprint(EcfpClass newClass, int newLength) {
        new CircularFingerprints(newClass, newLength); // fails now, not at load, on a bad length
        return new SmilesData(delimiter, smilesColumn, labelColumn, newClass, newLength, policy, numericLabel);
    }

    public SmilesData invalidSmiles(InvalidSmilesPolicy newPolicy) {
        return new SmilesData(delimiter, smilesColumn, labelColumn, ecfpClass, length, newPolicy, numericLabel);
    }

    /**
     * The molecules of {@code file} with their labels, each recording its Bemis-Murcko scaffold as its group
     * ({@link Dataset#groups()}), which a scaffold split keeps together.
     */
    public SmilesLoadResult load(Path file) throws IOException {
        LabelledMolecules molecules = read(file, new HashMap<>());
        return new SmilesLoadResult(toDataset(file, molecules.rows()), molecules.skippedCount(),
                molecules.skippedExamples());
    }

    /**
     * One file per task, merged by molecule into one data set with a label column per task (NaN where a
     * molecule was not tested on a task); see {@link TaskMerge} for how duplicates are treated.
     */
    public MultiTaskLoadResult loadTasks(List<TaskFile> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("loadTasks needs at least one task file");
        }
        Map<String, FingerprintedMolecule> cache = new HashMap<>();
        List<LabelledMolecules> perTask = new ArrayList<>();
        for (TaskFile task : files) {
            perTask.add(read(task.file(), cache));
        }
        return TaskMerge.merge(files, perTask, length);
    }

    /** The file's usable rows; {@code cache} saves CDK the work on a SMILES string it has already read. */
    LabelledMolecules read(Path file, Map<String, FingerprintedMolecule> cache) throws IOException {
        if (smilesColumn == null || labelColumn == null) {
            throw new IllegalStateException(file + ": choose the columns with smiles(name) and label(name) before"
                    + " load");
        }
        CircularFingerprints fingerprints = new CircularFingerprints(ecfpClass, length);
        List<LabelledMolecules.Row> kept = new ArrayList<>();
        List<SkippedSmiles> examples = new ArrayList<>();
        int skipped = 0;
        try (DelimitedRows rows = DelimitedRows.open(file, delimiter, true)) {
            int smilesIndex = rows.columnIndex(smilesColumn);
            int labelIndex = rows.columnIndex(labelColumn);
            for (DelimitedRows.Row row = rows.next(); row != null; row = rows.next()) {
                float label = numericLabel ? finiteLabel(rows, row, labelIndex) : binaryLabel(rows, row, labelIndex);
                String smiles = row.cell(smilesIndex).strip();
                FingerprintedMolecule molecule = cache.get(smiles);
                if (molecule == null) {
                    try {
                        molecule = fingerprints.describe(smiles);
                    } catch (SmilesException e) {
                        String reason = oneLine(e.getMessage());
                        if (policy == InvalidSmilesPolicy.FAIL) {
                            DataFormatException invalid = new DataFormatException(file, row.line(),
                                    "invalid SMILES in column '" + smilesColumn + "': " + reason);
                            invalid.initCause(e); // DataFormatException has no (file, line, problem, cause) constructor
                            throw invalid;
                        }
                        if (examples.size() < SmilesLoadResult.MAX_EXAMPLES) {
                            examples.add(new SkippedSmiles(file.toString(), row.line(), smiles, reason));
                        }
                        skipped++;
                        continue;
                    }
                    cache.put(smiles, molecule);
                }
                kept.add(new LabelledMolecules.Row(molecule, label, row.line()));
            }
        }
        if (kept.isEmpty()) {
            throw new DataFormatException(file, skipped == 0 ? "has a header but no data rows"
                    : "none of its " + skipped + " SMILES could be used, e.g. " + examples.get(0));
        }
        return new LabelledMolecules(file, kept, skipped, examples);
    }

    private static float binaryLabel(DelimitedRows rows, DelimitedRows.Row row, int labelIndex)
            throws DataFormatException {
        String cell = row.cell(labelIndex).strip();
        float value;
        try {
            value = NumericCell.parse(cell);
        } catch (NumberFormatException e) {
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(labelIndex)
                    + " must be 0 or 1: " + e.getMessage());
        }
        if (value != 0f && value != 1f) {
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(labelIndex)
                    + " must be 0 or 1, found '" + cell + "'");
        }
        return value;
    }

    private static float finiteLabel(DelimitedRows rows, DelimitedRows.Row row, int labelIndex)
            throws DataFormatException {
        try {
            return NumericCell.parse(row.cell(labelIndex));
        } catch (NumberFormatException e) {
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(labelIndex)
                    + " must be a number: " + e.getMessage());
        }
    }

    private Dataset toDataset(Path file, List<LabelledMolecules.Row> rows) throws DataFormatException {
        float[] features = MoleculeFeatures.of(file, rows.stream().map(LabelledMolecules.Row::molecule)
                .toList(), length);
        float[] labelValues = new float[rows.size()];
        int[] lineNumbers = new int[rows.size()];
        String[] scaffolds = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            labelValues[i] = rows.get(i).label();
            lineNumbers[i] = rows.get(i).line();
            scaffolds[i] = rows.get(i).molecule().scaffold();
        }
        return Dataset.fromText(file.toString(), features, new long[] {length}, labelValues, lineNumbers)
                .withGroups(scaffolds);
    }

    /** CDK's parse errors span lines (the SMILES with a caret under the fault); a report wants one. */
    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
