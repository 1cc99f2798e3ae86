package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiTaskSmilesTest {

    @TempDir
    Path dir;

    private static final float NAN = Float.NaN;

    private static SmilesData loader() {
        return SmilesData.tsv().smiles("SMILES").label("activity");
    }

    @Test
    void mergesTaskFilesByMoleculeLeavingUnlabelledAndConflictingEntriesMissing() throws IOException, SmilesException {
        Path a = ChemTestFiles.text(dir, "a.tab", "id\tSMILES\tactivity\n"
                + "1\tCCO\t1\n"
                + "2\tOCC\t1\n" // ethanol again, same label: counted once
                + "3\tc1ccccc1O\t0\n");
        Path b = ChemTestFiles.text(dir, "b.tab", "id\tSMILES\tactivity\n"
                + "4\tOC1=CC=CC=C1\t1\n" // phenol, written Kekulé
                + "5\tCCN\t0\n"
                + "6\tNCC\t1\n" // ethylamine again, other label: a conflict
                + "7\tC1CC\t0\n"); // invalid

        MultiTaskLoadResult result = loader().loadTasks(List.of(new TaskFile("A", a), new TaskFile("B", b)));
        Dataset data = result.dataset();

        assertEquals(3, data.size()); // ethanol, phenol, ethylamine
        assertEquals(List.of("A", "B"), data.taskNames());
        assertArrayEquals(new float[] {1, NAN, 0, 1, NAN, NAN}, data.labels());
        assertArrayEquals(new String[] {"", "c1ccccc1", ""}, data.groups().orElseThrow());
        assertArrayEquals(new CircularFingerprints().bits("Oc1ccccc1"),
                java.util.Arrays.copyOfRange(data.features(), 2048, 2 * 2048));
        assertEquals(dir.toString(), data.source());
        assertEquals(0.5, result.missingFraction());
        assertEquals(new TaskCounts("A", a, 3, 0, 2, 1, 1, 0), result.tasks().get(0));
        assertEquals(new TaskCounts("B", b, 3, 1, 1, 1, 1, 1), result.tasks().get(1));
        assertEquals(1, result.skippedCount());
        String summary = result.summary();
        assertTrue(summary.startsWith(dir + ": 3 molecules, 2 tasks, 50.0% of labels missing, 1 rows with invalid"
                + " SMILES skipped"), summary);
        assertTrue(summary.contains("B: b.tab, 3 rows (+1 skipped), 1 molecules labelled (1 active), 1 duplicate"
                + " rows, 1 with conflicting labels (left missing)"), summary);
    }

    @Test
    void refusesRepeatedTaskNames() throws IOException {
        Path a = ChemTestFiles.text(dir, "a.tab", "id\tSMILES\tactivity\n1\tCCO\t1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loader().loadTasks(List.of(new TaskFile("A", a), new TaskFile("A", a))));
        assertTrue(e.getMessage().contains("task names repeat"), e.getMessage());
    }
}
