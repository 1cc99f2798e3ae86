package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.runtime.data.DataFormatException;
import dev.lamina.runtime.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmilesDataTest {

    @TempDir
    Path dir;

    private static SmilesData tox21() {
        return SmilesData.tsv().smiles("SMILES").label("activity");
    }

    @Test
    void fingerprintsTheFirstTenRealSrMmpRows() throws IOException, SmilesException {
        Path file = ChemTestFiles.resource("sr-mmp_first10.tab");

        SmilesLoadResult result = tox21().load(file);
        Dataset data = result.dataset();

        assertEquals(10, data.size());
        assertEquals(0, result.skippedCount());
        assertArrayEquals(new long[] {2048}, data.sampleShape());
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0, 0, 1, 1, 1}, data.labels());
        assertEquals(file + " line 4", data.describeRow(2));
        // Row 3 (line 4) is 2-tert-butylhydroquinone.
        float[] expected = new CircularFingerprints().bits("CC(C)(C)c1cc(O)ccc1O");
        assertArrayEquals(expected, Arrays.copyOfRange(data.features(), 2 * 2048, 3 * 2048));
        assertEquals(file + ": 10 molecules, 0 rows with invalid SMILES skipped", result.summary());
    }

    @Test
    void recordsEachMoleculesScaffoldAsItsGroup() throws IOException {
        Path file = ChemTestFiles.text(dir, "scaffolds.tab", "id\tSMILES\tactivity\n"
                + "ibuprofen\tCC(C)Cc1ccc(cc1)C(C)C(=O)O\t0\n"
                + "ethanol\tCCO\t1\n"
                + "toluene\tCC1=CC=CC=C1\t1\n");

        Dataset data = tox21().load(file).dataset();

        assertArrayEquals(new String[] {"c1ccccc1", "", "c1ccccc1"}, data.groups().orElseThrow());
        assertArrayEquals(new String[] {"", "c1ccccc1"}, data.subset(new int[] {1, 2}).groups().orElseThrow());
    }

    @Test
    void skipsInvalidSmilesCountingThemAndKeepingFiveExamples() throws IOException {
        StringBuilder content = new StringBuilder("id\tSMILES\tactivity\r\n");
        for (int i = 0; i < 7; i++) {
            content.append("bad").append(i).append("\tC1CC\t0\r\n"); // an unclosed ring
            content.append("good").append(i).append("\tCCO\t1\r\n");
        }
        Path file = ChemTestFiles.text(dir, "mixed.tab", content.toString());

        SmilesLoadResult result = tox21().load(file);

        assertEquals(7, result.dataset().size());
        assertEquals(7, result.skippedCount());
        assertEquals(5, result.skippedExamples().size());
        SkippedSmiles first = result.skippedExamples().get(0);
        assertEquals(2, first.line());
        assertEquals("C1CC", first.smiles());
        assertEquals(file + " line 2: 'C1CC': CDK cannot parse it: Unclosed ring detected, SMILES may be truncated",
                first.toString());
        assertArrayEquals(new int[] {2, 4, 6, 8, 10},
                result.skippedExamples().stream().mapToInt(SkippedSmiles::line).toArray());
        assertEquals(file + " line 5", result.dataset().describeRow(1));
        String summary = result.summary();
        assertEquals(file + ": 7 molecules, 7 rows with invalid SMILES skipped", summary.lines().findFirst().get());
        assertEquals(7, summary.lines().count()); // the headline, five examples and "..."
    }

    @Test
    void failPolicyNamesFileLineAndSmiles() throws IOException {
        Path file = ChemTestFiles.text(dir, "bad.tab", "SMILES\tactivity\nCCO\t1\nXYZ\t0\n");
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> tox21().invalidSmiles(InvalidSmilesPolicy.FAIL).load(file));
        assertEquals(file + " line 3: invalid SMILES in column 'SMILES': 'XYZ': CDK cannot parse it: unexpected"
                + " character", error.getMessage());
    }

    @Test
    void labelsMustBeZeroOrOneWhateverThePolicy() throws IOException {
        Path two = ChemTestFiles.text(dir, "two.tab", "SMILES\tactivity\nCCO\t1\nCCN\t2\n");
        assertEquals(two + " line 3: column 'activity' must be 0 or 1, found '2'",
                assertThrows(DataFormatException.class, () -> tox21().load(two)).getMessage());

        Path word = ChemTestFiles.text(dir, "word.tab", "SMILES\tactivity\nXYZ\tactive\n");
        assertEquals(word + " line 2: column 'activity' must be 0 or 1: 'active' is not a number",
                assertThrows(DataFormatException.class, () -> tox21().load(word)).getMessage());
    }

    @Test
    void missingColumnsAndUselessFilesAreErrors() throws IOException {
        Path lowercase = ChemTestFiles.text(dir, "lower.tab", "smiles\tactivity\nCCO\t1\n");
        assertEquals(lowercase + " line 1: the header has no column 'SMILES' (did you mean 'smiles'? names are"
                + " case-sensitive); its columns are [smiles, activity]",
                assertThrows(DataFormatException.class, () -> tox21().load(lowercase)).getMessage());

        Path allBad = ChemTestFiles.text(dir, "all-bad.tab", "SMILES\tactivity\nXYZ\t1\n");
        assertEquals(allBad + ": none of its 1 SMILES could be used, e.g. " + allBad + " line 2: 'XYZ': CDK cannot"
                + " parse it: unexpected character",
                assertThrows(DataFormatException.class, () -> tox21().load(allBad)).getMessage());

        Path headerOnly = ChemTestFiles.text(dir, "header.tab", "SMILES\tactivity\n");
        assertEquals(headerOnly + ": has a header but no data rows",
                assertThrows(DataFormatException.class, () -> tox21().load(headerOnly)).getMessage());
    }

    @Test
    void fingerprintSettingsReachTheSamples() throws IOException {
        Path file = ChemTestFiles.text(dir, "benzene.csv", "SMILES,activity\nc1ccccc1,1\n");
        Dataset data = SmilesData.csv().smiles("SMILES").label("activity").fingerprint(EcfpClass.ECFP6, 512)
                .load(file).dataset();
        assertArrayEquals(new long[] {512}, data.sampleShape());
        float setBits = 0;
        for (float bit : data.features()) {
            setBits += bit;
        }
        assertEquals(4f, setBits); // benzene's four ECFP6 environments
    }
}
