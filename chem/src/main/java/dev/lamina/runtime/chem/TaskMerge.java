package dev.lamina.runtime.chem;

import dev.lamina.runtime.data.DataFormatException;
import dev.lamina.runtime.data.Dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges per-task SMILES files into one multi-task data set. A molecule is keyed by its canonical SMILES
 * ({@link FingerprintedMolecule#uniqueSmiles()}), so the same molecule written two ways is one row.
 *
 * <ul>
 *   <li>Rows: one per distinct molecule, in the order molecules first appear (task files in the order given,
 *       rows in file order). Each row's group is the molecule's scaffold.
 *   <li>Missing: a molecule that a task's file does not name has NaN for that task; the loss and metrics skip it.
 *   <li>Duplicates within one task's file (public assay files list some compounds under several sample ids):
 *       agreeing labels count once; a molecule labelled both 0 and 1 is left unlabelled (NaN) for that task,
 *       since neither label can be trusted and a majority of two is no majority. Both are counted per task.
 * </ul>
 */
final class TaskMerge {

    private static final byte UNSEEN = 0;
    private static final byte LABELLED = 1;
    private static final byte CONFLICTING = 2;

    private TaskMerge() {}

    static MultiTaskLoadResult merge(List<TaskFile> files, List<LabelledMolecules> perTask, int length)
            throws DataFormatException {
        List<String> names = files.stream().map(TaskFile::task).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("task names repeat: " + names + "; give each task file its own name");
        }
        Map<String, Integer> rowOf = new HashMap<>();
        List<FingerprintedMolecule> molecules = new ArrayList<>();
        for (LabelledMolecules file : perTask) {
            for (LabelledMolecules.Row row : file.rows()) {
                if (rowOf.putIfAbsent(row.molecule().uniqueSmiles(), molecules.size()) == null) {
                    molecules.add(row.molecule());
                }
            }
        }
        int tasks = files.size();
        float[] labels = new float[molecules.size() * tasks];
        Arrays.fill(labels, Float.NaN);
        byte[] state = new byte[labels.length];
        List<TaskCounts> counts = new ArrayList<>();
        List<SkippedSmiles> skippedExamples = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            LabelledMolecules file = perTask.get(t);
            int duplicates = 0;
            for (LabelledMolecules.Row row : file.rows()) {
                int entry = rowOf.get(row.molecule().uniqueSmiles()) * tasks + t;
                if (state[entry] == UNSEEN) {
                    state[entry] = LABELLED;
                    labels[entry] = row.label();
                    continue;
                }
                duplicates++;
                if (state[entry] == LABELLED && labels[entry] != row.label()) {
                    state[entry] = CONFLICTING;
                    labels[entry] = Float.NaN;
                }
            }
            counts.add(count(files.get(t), file, duplicates, labels, state, t, tasks));
            for (SkippedSmiles example : file.skippedExamples()) {
                if (skippedExamples.size() < SmilesLoadResult.MAX_EXAMPLES) {
                    skippedExamples.add(example);
                }
            }
        }
        Path source = source(files);
        float[] features = MoleculeFeatures.of(source, molecules, length);
        String[] scaffolds = molecules.stream().map(FingerprintedMolecule::scaffold).toArray(String[]::new);
        Dataset dataset = Dataset.multiTask(source.toString(), features, new long[] {length}, labels, names, null)
                .withGroups(scaffolds);
        return new MultiTaskLoadResult(dataset, counts, skippedExamples);
    }

    private static TaskCounts count(TaskFile task, LabelledMolecules file, int duplicates, float[] labels,
            byte[] state, int t, int tasks) {
        int labelled = 0;
        int actives = 0;
        int conflicting = 0;
        for (int entry = t; entry < labels.length; entry += tasks) {
            if (state[entry] == CONFLICTING) {
                conflicting++;
            } else if (state[entry] == LABELLED) {
                labelled++;
                if (labels[entry] == 1f) {
                    actives++;
                }
            }
        }
        return new TaskCounts(task.task(), task.file(), file.rows().size(), file.skippedCount(), labelled, actives,
                duplicates, conflicting);
    }

    /** The folder the task files share, which names the merged data in messages; else the first file. */
    private static Path source(List<TaskFile> files) {
        Path parent = files.get(0).file().getParent();
        boolean shared = files.size() > 1 && parent != null
                && files.stream().allMatch(file -> parent.equals(file.file().getParent()));
        return shared ? parent : files.get(0).file();
    }
}
