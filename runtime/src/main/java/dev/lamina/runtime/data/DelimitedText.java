package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Loads a table of numbers from a delimited text file: one label column and some feature columns, each chosen
 * by header name or by 0-based index. Immutable; each setting returns a new loader:
 *
 * <pre>
 * Dataset data = DelimitedText.csv().label("target").load(Path.of("data/table.csv"));
 * Dataset raw = DelimitedText.tsv().withHeader(false).label(0).features(1, 2, 3).load(file);
 * </pre>
 *
 * Without {@link #features}, every column but the label is a feature, in file order. Samples have shape
 * [number of features]. The file format is that of {@link DelimitedRows}; every selected cell must be a finite
 * number as {@link NumericCell} reads it. Errors name the file, the line and the column.
 */
public final class DelimitedText {

    /** The most values one float array holds. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private final char delimiter;
    private final boolean header;
    private final ColumnChoice label;
    private final List<ColumnChoice> features;

    private DelimitedText(char delimiter, boolean header, ColumnChoice label, List<ColumnChoice> features) {
        this.delimiter = delimiter;
        this.header = header;
        this.label = label;
        this.features = features;
    }

    /** Comma-separated, first line a header. */
    public static DelimitedText csv() {
        return delimitedBy(',');
    }

    /** Tab-separated, first line a header. */
    public static DelimitedText tsv() {
        return delimitedBy('\t');
    }

    /** Separated by {@code delimiter}, first line a header. */
    public static DelimitedText delimitedBy(char delimiter) {
        if (delimiter == '\n' || delimiter == '\r' || delimiter == '"') {
            throw new IllegalArgumentException("'" + delimiter + "' cannot be a delimiter");
        }
        return new DelimitedText(delimiter, true, null, null);
    }

    /** Whether the first non-blank line is a header (the default) or already data. */
    public DelimitedText withHeader(boolean hasHeader) {
        return new DelimitedText(delimiter, hasHeader, label, features);
    }

    /** The label column, by header name. */
    public DelimitedText label(String columnName) {
        return new DelimitedText(delimiter, header, ColumnChoice.named(columnName), features);
    }

    /** The label column, by 0-based index. */
    public DelimitedText label(int columnIndex) {
        return new DelimitedText(delimiter, header, ColumnChoice.at(columnIndex), features);
    }

    /** The feature columns, by header name, in the order they take in each sample. */
    public DelimitedText features(String... columnNames) {
        return new DelimitedText(delimiter, header, label, Arrays.stream(columnNames).map(ColumnChoice::named).toList());
    }

    /** The feature columns, by 0-based index, in the order they take in each sample. */
    public DelimitedText features(int... columnIndices) {
        return new DelimitedText(delimiter, header, label, Arrays.stream(columnIndices).mapToObj(ColumnChoice::at).toList());
    }

    public Dataset load(Path file) throws IOException {
        if (label == null) {
            throw new IllegalStateException(file + ": choose the label column with label(...) before load");
        }
        try (DelimitedRows rows = DelimitedRows.open(file, delimiter, header)) {
            if (rows.headerLooksLikeData()) {
                throw new DataFormatException(file, rows.firstLine(), "this line should be the header, but every"
                        + " cell is a number (" + preview(rows.header()) + "): if the file has no header, use"
                        + " withHeader(false)");
            }
            int labelColumn = label.resolve(rows);
            int[] featureColumns = resolveFeatures(rows, labelColumn);
            return read(rows, labelColumn, featureColumns);
        }
    }

    private int[] resolveFeatures(DelimitedRows rows, int labelColumn) throws DataFormatException {
        if (features == null) {
            return IntStream.range(0, rows.columnCount()).filter(c -> c != labelColumn).toArray();
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(rows.file() + ": features() chose no columns");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (ColumnChoice choice : features) {
            int column = choice.resolve(rows);
            if (column == labelColumn) {
                // Training on the label itself gives a perfect, useless model; almost always a typo.
                throw new IllegalArgumentException(rows.file() + ": " + rows.describeColumn(column)
                        + " is both the label and a feature");
            }
            if (!chosen.add(column)) {
                throw new IllegalArgumentException(rows.file() + ": " + rows.describeColumn(column)
                        + " is chosen twice as a feature");
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Dataset read(DelimitedRows rows, int labelColumn, int[] featureColumns) throws IOException {
        int width = featureColumns.length;
        if (width == 0) {
            throw new DataFormatException(rows.file(), "has only the label column: there are no features");
        }
        // Room for a few rows at first, however wide: a one-row file of a million columns needs 4 MB, not 1 GB.
        int capacity = Math.max(1, Math.min(256, (1 << 20) / width));
        float[] values = new float[capacity * width];
        float[] labels = new float[capacity];
        int[] lines = new int[capacity];
        int count = 0;
        for (DelimitedRows.Row row = rows.next(); row != null; row = rows.next()) {
            if (count == labels.length) {
                int grown = grownRows(rows, row, count, width);
                values = Arrays.copyOf(values, grown * width);
                labels = Arrays.copyOf(labels, grown);
                lines = Arrays.copyOf(lines, grown);
            }
            labels[count] = number(rows, row, labelColumn);
            for (int f = 0; f < width; f++) {
                values[count * width + f] = number(rows, row, featureColumns[f]);
            }
            lines[count++] = row.line();
        }
        if (count == 0) {
            throw new DataFormatException(rows.file(), "has a header but no data rows");
        }
        return Dataset.fromText(rows.file().toString(), Arrays.copyOf(values, count * width), new long[] {width},
                Arrays.copyOf(labels, count), Arrays.copyOf(lines, count));
    }

    /** Twice as many rows, or as many as one Java array of values holds. */
    private static int grownRows(DelimitedRows rows, DelimitedRows.Row row, int count, int width)
            throws DataFormatException {
        int maxRows = MAX_VALUES / width;
        if (count >= maxRows) {
            throw new DataFormatException(rows.file(), row.line(), "the table has more than " + maxRows + " rows of "
                    + width + " features, more values than one Java array holds; use fewer rows or columns");
        }
        return (int) Math.min(maxRows, count * 2L);
    }

    private static float number(DelimitedRows rows, DelimitedRows.Row row, int column) throws DataFormatException {
        try {
            return NumericCell.parse(row.cell(column));
        } catch (NumberFormatException e) {
            boolean firstRowWithoutHeader = !rows.hasHeader() && row.line() == rows.firstLine();
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(column) + ": " + e.getMessage()
                    + (firstRowWithoutHeader ? "; is this line a header? then use withHeader(true)" : ""));
        }
    }

    private static String preview(List<String> cells) {
        List<String> shown = new ArrayList<>(cells.subList(0, Math.min(5, cells.size())));
        if (cells.size() > shown.size()) {
            shown.add("...");
        }
        return String.join(", ", shown);
    }
}
