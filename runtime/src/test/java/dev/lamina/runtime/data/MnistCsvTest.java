package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistCsvTest {

    @TempDir
    Path dir;

    /** A line of the notebook's layout: the label, then 784 pixels that are 0 except the ones given. */
    private static String line(int label, int... pixelIndexThenValue) {
        int[] pixels = new int[784];
        for (int i = 0; i < pixelIndexThenValue.length; i += 2) {
            pixels[pixelIndexThenValue[i]] = pixelIndexThenValue[i + 1];
        }
        StringBuilder text = new StringBuilder().append(label);
        for (int pixel : pixels) {
            text.append(',').append(pixel);
        }
        return text.append('\n').toString();
    }

    @Test
    void readsTheFirstFiveRealTestImages() throws IOException {
        Dataset data = MnistCsv.load(TestFiles.resource("mnist_test_first5.csv"));

        assertEquals(5, data.size());
        assertArrayEquals(new long[] {784}, data.sampleShape());
        assertArrayEquals(new float[] {7, 2, 1, 0, 4}, data.labels());
        float[] pixels = data.features();
        // Values checked with Python on the same file: image 1's first ink pixel is index 202 (value 84),
        // image 2 has 159 at index 350; every image reaches 255; pixel sums 18454 and 28850.
        assertEquals(84f, pixels[202]);
        assertEquals(0f, pixels[201]);
        assertEquals(159f, pixels[784 + 350]);
        assertEquals(18454f, sum(pixels, 0), 0f);
        assertEquals(28850f, sum(pixels, 1), 0f);
        assertEquals("line 3", data.describeRow(2).substring(data.describeRow(2).lastIndexOf("line")));
    }

    @Test
    void gzipIsDetectedByContentAndImageLayoutHasOneChannel() throws IOException {
        byte[] plain = Files.readAllBytes(TestFiles.resource("mnist_test_first5.csv"));
        Path gzipWithPlainName = TestFiles.bytes(dir, "looks-plain.csv", TestFiles.gzip(plain));

        Dataset data = MnistCsv.load(gzipWithPlainName, MnistLayout.IMAGE);

        assertArrayEquals(new long[] {1, 28, 28}, data.sampleShape());
        assertArrayEquals(MnistCsv.load(TestFiles.resource("mnist_test_first5.csv")).features(), data.features());
    }

    @Test
    void toleratesWindowsLineEndsByteOrderMarkBlankLinesAndNoFinalNewline() throws IOException {
        String content = "\uFEFF" + line(3, 0, 255).replace("\n", "\r\n") + "\r\n" + line(9, 783, 1).strip();
        Dataset data = MnistCsv.load(TestFiles.text(dir, "windows.csv", content));

        assertArrayEquals(new float[] {3, 9}, data.labels());
        assertEquals(255f, data.features()[0]);
        assertEquals(1f, data.features()[784 + 783]);
        assertEquals(dir.resolve("windows.csv") + " line 3", data.describeRow(1));
    }

    @Test
    void loadScaledFitsOnTrainAndAppliesToTest() throws IOException {
        // Pixel 0: train values 10, 30 -> (x - 10) / 20. Pixel 1: constant 5 in train -> x - 5 (sklearn).
        Path train = TestFiles.text(dir, "train.csv", line(1, 0, 10, 1, 5) + line(2, 0, 30, 1, 5));
        Path test = TestFiles.text(dir, "test.csv", line(3, 0, 20, 1, 7) + line(4, 0, 50, 1, 5));

        TrainTestData data = MnistCsv.loadScaled(train, test);

        float[] trainPixels = data.train().features();
        float[] testPixels = data.test().features();
        assertEquals(0f, trainPixels[0]);
        assertEquals(1f, trainPixels[784]);
        assertEquals(0f, trainPixels[1]);
        assertEquals(0.5f, testPixels[0]);
        assertEquals(2f, testPixels[784]); // (50 - 10) / 20: outside [0, 1], not clipped
        assertEquals(2f, testPixels[1]); // 7 - 5
        assertEquals(0f, testPixels[784 + 2]); // constant 0 column stays 0
        assertArrayEquals(new float[] {3, 4}, data.test().labels());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path empty = TestFiles.text(dir, "empty.csv", "\n\n");
        DataFormatException error = assertThrows(DataFormatException.class, () -> MnistCsv.load(empty));
        assertEquals(empty + ": is empty: expected lines of a label and 784 pixel values", error.getMessage());
    }

    @Test
    void wrongValueCountNamesLineExpectedAndFound() throws IOException {
        String shortLine = line(5).substring(0, line(5).length() - 3) + "\n"; // drops the last ",0"
        Path file = TestFiles.text(dir, "short.csv", line(1) + shortLine);
        DataFormatException error = assertThrows(DataFormatException.class, () -> MnistCsv.load(file));
        assertEquals(file + " line 2: expected 785 comma-separated values (the label, then 784 pixels), found 784",
                error.getMessage());

        Path trailingComma = TestFiles.text(dir, "long.csv", line(1).strip() + ",\n");
        error = assertThrows(DataFormatException.class, () -> MnistCsv.load(trailingComma));
        assertEquals(trailingComma + " line 1: expected 785 comma-separated values (the label, then 784 pixels),"
                + " found 786", error.getMessage());
    }

    @Test
    void badPixelsAndLabelsNameLineAndPosition() throws IOException {
        Path letters = TestFiles.text(dir, "letters.csv", line(1).replaceFirst(",0,0,", ",0,x7,"));
        assertEquals(letters + " line 1: pixel 2 (value 3) must be a whole number 0..255, found 'x7'",
                assertThrows(DataFormatException.class, () -> MnistCsv.load(letters)).getMessage());

        Path tooBright = TestFiles.text(dir, "bright.csv", line(1) + line(2, 783, 256));
        assertEquals(tooBright + " line 2: pixel 784 (value 785) must be a whole number 0..255, found '256'",
                assertThrows(DataFormatException.class, () -> MnistCsv.load(tooBright)).getMessage());

        Path decimal = TestFiles.text(dir, "decimal.csv", line(1).replaceFirst(",0,", ",0.5,"));
        assertEquals(decimal + " line 1: pixel 1 (value 2) must be a whole number 0..255, found '0.5'",
                assertThrows(DataFormatException.class, () -> MnistCsv.load(decimal)).getMessage());

        Path badLabel = TestFiles.text(dir, "label.csv", line(10));
        assertEquals(badLabel + " line 1: the label (value 1) must be a digit 0..9, found 10",
                assertThrows(DataFormatException.class, () -> MnistCsv.load(badLabel)).getMessage());

        Path header = TestFiles.text(dir, "header.csv", "label," + String.join(",", Collections.nCopies(784, "p"))
                + "\n" + line(1));
        assertEquals(header + " line 1: the label (value 1) must be a digit 0..9, found 'label'",
                assertThrows(DataFormatException.class, () -> MnistCsv.load(header)).getMessage());
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        byte[] plain = (line(1, 5, 200) + line(2, 100, 3) + line(7, 700, 90)).repeat(20).getBytes(StandardCharsets.UTF_8);
        Path cut = TestFiles.bytes(dir, "cut.csv.gz", TestFiles.truncatedGzip(plain));
        DataFormatException error = assertThrows(DataFormatException.class, () -> MnistCsv.load(cut));
        assertEquals(cut + ": the gzip data ends early: the file is truncated (an interrupted download or copy?)",
                error.getMessage());
    }

    @Test
    void directoryAndMissingFileAreNamed() {
        assertEquals(dir + ": is a directory, not a data file",
                assertThrows(DataFormatException.class, () -> MnistCsv.load(dir)).getMessage());
        Path missing = dir.resolve("nope.csv");
        String message = assertThrows(DataFormatException.class, () -> MnistCsv.load(missing)).getMessage();
        assertEquals(missing + ": does not exist", message.substring(0, message.indexOf(" (")));
    }

    private static float sum(float[] pixels, int image) {
        float total = 0;
        for (int i = image * 784; i < (image + 1) * 784; i++) {
            total += pixels[i];
        }
        return total;
    }
}
