package dev.lamina.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MNIST in the seed notebook's CSV layout ({@code mnist_train.csv}, {@code mnist_test.csv}): no header; each
 * line is the label (a digit 0..9), then the 784 pixel values 0..255 of a 28x28 image in row-major order,
 * separated by ',' without spaces. The file may be gzip-compressed (detected by its magic bytes, not its name);
 * Windows line ends, a UTF-8 byte order mark and blank lines (skipped, as pandas does) are tolerated.
 *
 * <p>Pixels are returned as read (0..255, as floats); labels are class indices stored as floats.
 * {@link #loadScaled} scales the way the notebook does. The parser works on bytes, not Strings, because it
 * reads 47 million numbers for the training set (about a second instead of several).
 */
public final class MnistCsv {

    /** Values per line: the label and 28 * 28 pixels. */
    public static final int VALUES_PER_LINE = 1 + 28 * 28;

    private static final int PIXELS = 28 * 28;
    private static final int MAX_CELL_SHOWN = 20;

    /** A valid line is at most 3,140 bytes ("9," and 784 times "255,"); allow spaces and slack, never megabytes. */
    static final int MAX_LINE_BYTES = 1 << 16;

    /** Rows whose pixels still fit one Java array. */
    private static final int MAX_ROWS = (Integer.MAX_VALUE - 8) / PIXELS;

    private MnistCsv() {}

    /** Samples of shape [784], pixels 0..255. */
    public static Dataset load(Path file) throws IOException {
        return load(file, MnistLayout.FLAT);
    }

    /** Samples of shape [784] or [1, 28, 28], pixels 0..255. */
    public static Dataset load(Path file, MnistLayout layout) throws IOException {
        try (InputStream in = DataFiles.open(file)) {
            return parse(file, new ByteLines(file, in, MAX_LINE_BYTES), layout);
        }
    }

    /**
     * Training and test sets scaled as the notebook does: a {@link MinMaxScaler} fitted on the training set's
     * pixel columns and applied to both. Training pixels end up in [0, 1]; a test pixel can leave that range
     * (and a column that is constant in the training set is only shifted, not scaled), exactly as in sklearn.
     */
    public static TrainTestData loadScaled(Path train, Path test) throws IOException {
        return loadScaled(train, test, MnistLayout.FLAT);
    }

    /** As {@link #loadScaled(Path, Path)}, with samples of the given layout. */
    public static TrainTestData loadScaled(Path train, Path test, MnistLayout layout) throws IOException {
        Dataset trainSet = load(train, layout);
        Dataset testSet = load(test, layout);
        // In place: the raw arrays are ours and a copy of the training set would cost another 188 MB.
        MinMaxScaler scaler = MinMaxScaler.fit(trainSet);
        scaler.transformInPlace(trainSet);
        scaler.transformInPlace(testSet);
        return new TrainTestData(trainSet, testSet, scaler);
    }

    private static Dataset parse(Path file, ByteLines lines, MnistLayout layout) throws IOException {
        // Pixels are kept as bytes while the row count is unknown: a quarter of the memory of growing floats.
        byte[] pixels = new byte[PIXELS * 1024];
        byte[] labels = new byte[1024];
        int[] lineNumbers = new int[1024];
        int rows = 0;
        while (lines.next()) {
            if (lines.length() == 0) {
                continue;
            }
            if (rows == labels.length) {
                if (rows == MAX_ROWS) {
                    throw new DataFormatException(file, lines.lineNumber(), "more than " + MAX_ROWS
                            + " images, more than one Java array of pixels holds; split the file");
                }
                int grown = (int) Math.min(MAX_ROWS, rows * 2L);
                pixels = Arrays.copyOf(pixels, grown * PIXELS);
                labels = Arrays.copyOf(labels, grown);
                lineNumbers = Arrays.copyOf(lineNumbers, grown);
            }
            parseLine(file, lines, labels, pixels, rows);
            lineNumbers[rows] = lines.lineNumber();
            rows++;
        }
        if (rows == 0) {
            throw new DataFormatException(file, "is empty: expected lines of a label and 784 pixel values");
        }
        float[] features = new float[rows * PIXELS];
        for (int i = 0; i < features.length; i++) {
            features[i] = pixels[i] & 0xFF;
        }
        float[] labelValues = new float[rows];
        for (int i = 0; i < rows; i++) {
            labelValues[i] = labels[i];
        }
        return Dataset.fromText(file.toString(), features, layout.sampleShape(28, 28), labelValues,
                Arrays.copyOf(lineNumbers, rows));
    }

    /** Parses one line into {@code labels[row]} and {@code pixels[row * 784 ...]}. */
    private static void parseLine(Path file, ByteLines lines, byte[] labels, byte[] pixels, int row)
            throws DataFormatException {
        byte[] text = lines.bytes();
        int length = lines.length();
        int position = 0;
        int pixelStart = row * PIXELS;
        for (int column = 0; column < VALUES_PER_LINE; column++) {
            int start = position;
            int value = 0;
            while (position < length && text[position] != ',') {
                int digit = text[position] - '0';
                if (digit < 0 || digit > 9 || position - start >= 3) {
                    throw badCell(file, lines, column, start);
                }
                value = value * 10 + digit;
                position++;
            }
            if (position == start) {
                throw position == length && column > 0
                        ? wrongValueCount(file, lines)
                        : badCell(file, lines, column, start);
            }
            if (column == 0) {
                if (value > 9) {
                    throw new DataFormatException(file, lines.lineNumber(),
                            "the label (value 1) must be a digit 0..9, found " + value);
                }
                labels[row] = (byte) value;
            } else {
                if (value > 255) {
                    throw badCell(file, lines, column, start);
                }
                pixels[pixelStart + column - 1] = (byte) value;
            }
            boolean lastColumn = column == VALUES_PER_LINE - 1;
            if (lastColumn != (position == length)) {
                throw wrongValueCount(file, lines);
            }
            position++; // the ','
        }
    }

    private static DataFormatException badCell(Path file, ByteLines lines, int column, int start) {
        byte[] text = lines.bytes();
        int end = start;
        while (end < lines.length() && text[end] != ',') {
            end++;
        }
        String cell = new String(text, start, Math.min(end - start, MAX_CELL_SHOWN), StandardCharsets.UTF_8);
        String what = column == 0
                ? "the label (value 1) must be a digit 0..9"
                : "pixel " + column + " (value " + (column + 1) + ") must be a whole number 0..255";
        return new DataFormatException(file, lines.lineNumber(), what + ", found '" + cell + "'"
                + (end - start > MAX_CELL_SHOWN ? "..." : ""));
    }

    private static DataFormatException wrongValueCount(Path file, ByteLines lines) {
        int values = 1;
        for (int i = 0; i < lines.length(); i++) {
            values += lines.bytes()[i] == ',' ? 1 : 0;
        }
        return new DataFormatException(file, lines.lineNumber(), "expected " + VALUES_PER_LINE
                + " comma-separated values (the label, then 784 pixels), found " + values);
    }
}
