package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.runtime.data.DataFormatException;
import dev.lamina.runtime.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression targets: {@link SmilesData#numericLabel} takes any finite number, and only that. */
class SmilesDataNumericLabelTest {

    @TempDir
    Path dir;

    private static SmilesData pic50() {
        return SmilesData.tsv().smiles("SMILES").numericLabel("pIC50");
    }

    @Test
    void readsRealValuedTargetsWithTheirLines() throws IOException {
        Path file = ChemTestFiles.text(dir, "pic50.tsv",
                "Name\tSMILES\tpIC50\na\tCCO\t5.48\nb\tc1ccccc1\t-0.25\nc\tCCN\t1e1\nd\tCC\t0\n");

        Dataset data = pic50().load(file).dataset();

        assertArrayEquals(new float[] {5.48f, -0.25f, 10f, 0f}, data.labels());
        assertEquals(1, data.labelWidth());
        assertEquals(file + " line 3", data.describeRow(1));
    }

    @Test
    void missingOrNonNumericTargetsAreErrorsWithFileAndLine() throws IOException {
        Path empty = ChemTestFiles.text(dir, "empty.tsv", "SMILES\tpIC50\nCCO\t5\nCCN\t\n");
        assertEquals(empty + " line 3: column 'pIC50' must be a number: the cell is empty (a missing value?)",
                assertThrows(DataFormatException.class, () -> pic50().load(empty)).getMessage());

        Path nan = ChemTestFiles.text(dir, "nan.tsv", "SMILES\tpIC50\nCCO\tNaN\n");
        assertEquals(nan + " line 2: column 'pIC50' must be a number: 'NaN': NaN and infinite values are not"
                + " allowed (remove or fill in missing values before training)",
                assertThrows(DataFormatException.class, () -> pic50().load(nan)).getMessage());
    }

    @Test
    void laterSettingsKeepTheNumericLabelAndLabelTurnsItBackToZeroOrOne() throws IOException {
        Path file = ChemTestFiles.text(dir, "two.tsv", "SMILES\tpIC50\nCCO\t2.5\n");

        SmilesData numeric = SmilesData.tsv().numericLabel("pIC50").smiles("SMILES")
                .fingerprint(EcfpClass.ECFP4, 1024).invalidSmiles(InvalidSmilesPolicy.FAIL);
        assertArrayEquals(new float[] {2.5f}, numeric.load(file).dataset().labels());

        DataFormatException binary = assertThrows(DataFormatException.class,
                () -> numeric.label("pIC50").load(file));
        assertEquals(file + " line 2: column 'pIC50' must be 0 or 1, found '2.5'", binary.getMessage());
    }
}
