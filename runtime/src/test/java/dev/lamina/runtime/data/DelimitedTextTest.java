package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedTextTest {

    @TempDir
    Path dir;

    private static final String TABLE = """
            id,height,weight,target
            a,1.5,60,0
            b,-2e-1,72.25,1
            c,3,80,1
            """;

    @Test
    void choosesColumnsByName() throws IOException {
        Path file = TestFiles.text(dir, "table.csv", TABLE);

        Dataset data = DelimitedText.csv().label("target").features("weight", "height").load(file);

        assertArrayEquals(new long[] {2}, data.sampleShape());
        assertArrayEquals(new float[] {60, 1.5f, 72.25f, -0.2f, 80, 3}, data.features());
        assertArrayEquals(new float[] {0, 1, 1}, data.labels());
        assertEquals(file + " line 3", data.describeRow(1));
    }

    @Test
    void choosesColumnsByIndexWithoutHeader() throws IOException {
        Path file = TestFiles.text(dir, "table.tsv", "1\t0.5\t9\n0\t0.25\t8\n");

        Dataset data = DelimitedText.tsv().withHeader(false).label(0).features(2, 1).load(file);

        assertArrayEquals(new float[] {9, 0.5f, 8, 0.25f}, data.features());
        assertArrayEquals(new float[] {1, 0}, data.labels());
        assertEquals(file + " line 2", data.describeRow(1));
    }

    @Test
    void withoutFeatureChoiceEveryOtherColumnIsAFeature() throws IOException {
        Path file = TestFiles.text(dir, "table.txt", "x;y;label;z\n1;2;1;3\n");

        Dataset data = DelimitedText.delimitedBy(';').label("label").load(file);

        assertArrayEquals(new float[] {1, 2, 3}, data.features());
    }

    @Test
    void toleratesByteOrderMarkWindowsLineEndsBlankLinesAndGzip() throws IOException {
        String windows = "\uFEFF" + TABLE.replace("\n", "\r\n").replace("b,", "\r\nb,");
        Path file = TestFiles.bytes(dir, "table.csv.gz", TestFiles.gzip(windows));

        Dataset data = DelimitedText.csv().label("target").features("height").load(file);

        assertArrayEquals(new float[] {1.5f, -0.2f, 3}, data.features());
        assertEquals(file + " line 4", data.describeRow(1));
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreErrors() throws IOException {
        Path empty = TestFiles.text(dir, "empty.csv", "");
        assertEquals(empty + ": is empty: there are no rows", assertThrows(DataFormatException.class,
                () -> DelimitedText.csv().label(0).load(empty)).getMessage());

        Path headerOnly = TestFiles.text(dir, "header.csv", "a,b\n\n");
        assertEquals(headerOnly + ": has a header but no data rows", assertThrows(DataFormatException.class,
                () -> DelimitedText.csv().label("a").load(headerOnly)).getMessage());
    }

    @Test
    void wrongColumnCountSaysExpectedAndFound() throws IOException {
        Path file = TestFiles.text(dir, "ragged.csv", TABLE + "d,4,90\n");
        assertEquals(file + " line 5: expected 4 columns separated by ',' (as in the header line 1), found 3",
                assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("target").features("height").load(file)).getMessage());

        Path semicolons = TestFiles.text(dir, "semicolons.csv", "a,b\n1;2\n");
        assertEquals(semicolons + " line 2: expected 2 columns separated by ',' (as in the header line 1), found 1;"
                + " the line has no ',': is the delimiter right?", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("a").load(semicolons)).getMessage());
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        Path file = TestFiles.text(dir, "table.csv", TABLE.replace("72.25", "heavy"));
        assertEquals(file + " line 3: column 'weight': 'heavy' is not a number", assertThrows(
                DataFormatException.class, () -> DelimitedText.csv().label("target").features("weight").load(file))
                        .getMessage());

        Path noHeader = TestFiles.text(dir, "plain.csv", "1,2\n3,1f\n");
        assertEquals(noHeader + " line 2: column 1 (0-based): '1f' is not a number", assertThrows(
                DataFormatException.class, () -> DelimitedText.csv().withHeader(false).label(0).load(noHeader))
                        .getMessage());

        Path empty = TestFiles.text(dir, "hole.csv", "a,b\n1,\n");
        assertEquals(empty + " line 2: column 'b': the cell is empty (a missing value?)", assertThrows(
                DataFormatException.class, () -> DelimitedText.csv().label("a").load(empty)).getMessage());
    }

    @Test
    void nanAndInfinityAreRejectedByColumn() throws IOException {
        Path nan = TestFiles.text(dir, "nan.csv", "y,x\n1,NaN\n");
        assertEquals(nan + " line 2: column 'x': 'NaN': NaN and infinite values are not allowed (remove or fill in"
                + " missing values before training)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(nan)).getMessage());

        Path infinity = TestFiles.text(dir, "inf.csv", "y,x\n-inf,2\n");
        assertEquals(infinity + " line 2: column 'y': '-inf': NaN and infinite values are not allowed (remove or"
                + " fill in missing values before training)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(infinity)).getMessage());

        Path overflow = TestFiles.text(dir, "big.csv", "y,x\n1,1e39\n");
        assertEquals(overflow + " line 2: column 'x': '1e39' is too large for a float", assertThrows(
                DataFormatException.class, () -> DelimitedText.csv().label("y").load(overflow)).getMessage());
    }

    @Test
    void aHeaderReadAsDataSuggestsWithHeader() throws IOException {
        Path file = TestFiles.text(dir, "table.csv", TABLE);
        assertEquals(file + " line 1: column 3 (0-based): 'target' is not a number; is this line a header? then use"
                + " withHeader(true)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().withHeader(false).label(3).features(1, 2).load(file)).getMessage());
    }

    @Test
    void dataReadAsHeaderIsRecognisedWhenEveryCellIsANumber() throws IOException {
        Path file = TestFiles.text(dir, "numbers.csv", "5,0,0,3\n0,1,0,4\n");
        assertEquals(file + " line 1: this line should be the header, but every cell is a number (5, 0, 0, 3): if the"
                + " file has no header, use withHeader(false)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label(0).load(file)).getMessage());

        // pandas writes an unnamed table's header as 0,1,2,...: those are names, not data.
        Path pandas = TestFiles.text(dir, "pandas.csv", "0,1,2\n1,0.5,7\n");
        assertArrayEquals(new float[] {0.5f, 7}, DelimitedText.csv().label("0").load(pandas).features());
    }

    @Test
    void unknownColumnNamesListTheHeader() throws IOException {
        Path file = TestFiles.text(dir, "table.csv", TABLE);
        assertEquals(file + " line 1: the header has no column 'Target' (did you mean 'target'? names are"
                + " case-sensitive); its columns are [id, height, weight, target]", assertThrows(
                        DataFormatException.class, () -> DelimitedText.csv().label("Target").load(file)).getMessage());

        Path tsvReadAsCsv = TestFiles.text(dir, "table.tsv", "y\tx\n1\t2\n");
        assertEquals(tsvReadAsCsv + " line 1: the header has no column 'y'; its columns are [y\tx] (one column: is"
                + " the delimiter ',' right?)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(tsvReadAsCsv)).getMessage());

        assertEquals(file + " line 1: there is no column index 4: the rows have 4 columns (indices 0..3)",
                assertThrows(DataFormatException.class, () -> DelimitedText.csv().label(4).load(file)).getMessage());
    }

    @Test
    void labelCannotAlsoBeAFeature() throws IOException {
        Path file = TestFiles.text(dir, "table.csv", TABLE);
        assertEquals(file + ": column 'target' is both the label and a feature", assertThrows(
                IllegalArgumentException.class, () -> DelimitedText.csv().label("target").features("height", "target")
                        .load(file)).getMessage());
    }

    @Test
    void truncatedGzipIsNamed() throws IOException {
        StringBuilder rows = new StringBuilder("y,x\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 2000; i++) {
            rows.append(random.nextInt(2)).append(',').append(random.nextGaussian()).append('\n');
        }
        Path cut = TestFiles.bytes(dir, "cut.csv.gz", TestFiles.truncatedGzip(rows.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(cut + ": the gzip data ends early: the file is truncated (an interrupted download or copy?)",
                assertThrows(DataFormatException.class, () -> DelimitedText.csv().label("y").load(cut)).getMessage());
    }

    @Test
    void directoriesAndUnreadableFilesAreNamed() throws IOException {
        assertEquals(dir + ": is a directory, not a data file", assertThrows(DataFormatException.class,
                () -> DelimitedText.csv().label(0).load(dir)).getMessage());

        Path locked = TestFiles.text(dir, "locked.csv", TABLE);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not block reading");
        assertEquals(locked + ": cannot be read: check its permissions", assertThrows(DataFormatException.class,
                () -> DelimitedText.csv().label(0).load(locked)).getMessage());
    }
}
