package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Loads a table from a delimited text file: one label column and some feature columns, each chosen by header
 * name or by 0-based index. Immutable; each setting returns a new loader:
 *
 * <pre>
 * Dataset data = DelimitedText.csv().label("target").load(Path.of("data/table.csv"));
 * Dataset raw = DelimitedText.tsv().withHeader(false).label(0).features(1, 2, 3).load(file);
 * TrainTestData iris = DelimitedText.csv().label("species").load(trainFile, testFile);
 * </pre>
 *
 * Without {@link #features}, every column but the label is a feature, in file order. Samples have shape
 * [number of features]. The file format is that of {@link DelimitedRows}; every feature cell must be a finite
 * number as {@link NumericCell} reads it. Errors name the file, the line and the column.
 *
 * <p>Labels are numbers or class names. By default the cells decide: if every label cell is a number, the
 * labels are those numbers, read as features are; if none is, the labels are class names ("setosa"). A column
 * mixing both is an error that names a line of each, since it is more often a damaged number column than a
 * class called "3": {@link #classNames()} reads every label as a name, numbers too. Names are the cells with
 * spaces around them stripped, compared exactly (case-sensitive); each distinct name is a class, and the classes
 * are numbered 0..C-1 in sorted order, by Unicode code point (the order of Python's {@code sorted} and of
 * scikit-learn's {@code LabelEncoder}: "Setosa" before "setosa"), so the same names always give the same
 * indices. The data set records them ({@link Dataset#classNames()}). A file with another set of classes (a test
 * file) must use the same indices: {@link #classNames(List)} gives them, and {@link #load(Path, Path)} does so
 * for a test file. An empty label cell is an error; so is NaN or an infinity, unless {@link #classNames()}
 * declared the labels names (then "NaN" is a class). At most {@value #MAX_CLASSES} classes of at most
 * {@value #MAX_CLASS_NAME_CHARS} characters each are read from a file.
 */
public final class DelimitedText {

    /** The most values one float array holds. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    /** The most distinct class names one label column may hold: more is not a label column, or a hostile file. */
    public static final int MAX_CLASSES = 10_000;

    /** The longest class name read from a file, in characters. */
    public static final int MAX_CLASS_NAME_CHARS = 1_000;

    private final char delimiter;
    private final boolean header;
    private final ColumnChoice label;
    private final List<ColumnChoice> features;
    /** Whether every label is a class name; false: the cells decide. */
    private final boolean namedClasses;
    /** The classes labels index into, given by the caller; null: read from the file. */
    private final List<String> knownClasses;

    private DelimitedText(char delimiter, boolean header, ColumnChoice label, List<ColumnChoice> features,
            boolean namedClasses, List<String> knownClasses) {
        this.delimiter = delimiter;
        this.header = header;
        this.label = label;
        this.features = features;
        this.namedClasses = namedClasses;
        this.knownClasses = knownClasses;
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
        return new DelimitedText(delimiter, true, null, null, false, null);
    }

    /** Whether the first non-blank line is a header (the default) or already data. */
    public DelimitedText withHeader(boolean hasHeader) {
        return new DelimitedText(delimiter, hasHeader, label, features, namedClasses, knownClasses);
    }

    /** The label column, by header name. */
    public DelimitedText label(String columnName) {
        return new DelimitedText(delimiter, header, ColumnChoice.named(columnName), features, namedClasses,
                knownClasses);
    }

    /** The label column, by 0-based index. */
    public DelimitedText label(int columnIndex) {
        return new DelimitedText(delimiter, header, ColumnChoice.at(columnIndex), features, namedClasses,
                knownClasses);
    }

    /** The feature columns, by header name, in the order they take in each sample. */
    public DelimitedText features(String... columnNames) {
        return new DelimitedText(delimiter, header, label, Arrays.stream(columnNames).map(ColumnChoice::named).toList(),
                namedClasses, knownClasses);
    }

    /** The feature columns, by 0-based index, in the order they take in each sample. */
    public DelimitedText features(int... columnIndices) {
        return new DelimitedText(delimiter, header, label,
                Arrays.stream(columnIndices).mapToObj(ColumnChoice::at).toList(), namedClasses, knownClasses);
    }

    /**
     * The labels are class names, every one, even a cell that reads as a number ("1", "10" and "2" are then
     * three classes, sorted as text: "1", "10", "2"). The classes are the file's distinct names, sorted.
     */
    public DelimitedText classNames() {
        return new DelimitedText(delimiter, header, label, features, true, null);
    }

    /**
     * The labels are class names, and these are the classes: a label {@code names.get(i)} is class {@code i}, and
     * a name not in the list is an error. For a file read with another file's classes:
     * {@code classNames(train.classNames())}.
     *
     * @throws IllegalArgumentException for no names, a name twice, or a name that no cell can hold (blank, with
     *     spaces around it, or longer than {@value #MAX_CLASS_NAME_CHARS} characters); or more than
     *     {@value #MAX_CLASSES} names
     */
    public DelimitedText classNames(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("classNames(names) needs at least one name; the data set it came"
                    + " from may have labels that are numbers (its classNames() is empty then)");
        }
        if (names.size() > MAX_CLASSES) {
            throw new IllegalArgumentException(names.size() + " class names; at most " + MAX_CLASSES
                    + " are allowed");
        }
        Set<String> distinct = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || !name.strip().equals(name)
                    || name.length() > MAX_CLASS_NAME_CHARS) {
                throw new IllegalArgumentException("no label cell can hold the class name "
                        + (name == null ? "null" : "'" + name + "'") + ": a class name is not blank, has no spaces"
                        + " around it and at most " + MAX_CLASS_NAME_CHARS + " characters");
            }
            if (!distinct.add(name)) {
                throw new IllegalArgumentException("the class name '" + name + "' is given twice");
            }
        }
        return new DelimitedText(delimiter, header, label, features, true, List.copyOf(names));
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
            LabelColumn labels = namedClasses ? LabelColumn.names(rows, labelColumn, knownClasses)
                    : LabelColumn.inferred(rows, labelColumn);
            return read(rows, labels, labelColumn, featureColumns);
        }
    }

    /**
     * A training file and a test file read alike, the test file's class names (if the labels are names) with
     * the training file's indices: {@code classNames(train.classNames())}. A test label that the training
     * file does not have is an error; so are labels that are names in one file and numbers in the other.
     */
    public TrainTestData load(Path trainFile, Path testFile) throws IOException {
        Dataset train = load(trainFile);
        if (train.classNames().isEmpty()) {
            Dataset test = load(testFile);
            if (!test.classNames().isEmpty()) {
                throw new DataFormatException(testFile, "its labels are class names " + LabelColumn.list(
                        test.classNames()) + ", but those of the training file " + trainFile + " are numbers");
            }
            return new TrainTestData(train, test);
        }
        return new TrainTestData(train, classNames(train.classNames()).load(testFile));
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

    private static Dataset read(DelimitedRows rows, LabelColumn labelColumn, int label, int[] featureColumns)
            throws IOException {
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
            if (count == 0 && !rows.hasHeader() && labelColumn.isInferred()
                    && looksLikeHeader(row, label, featureColumns)) {
                number(rows, row, label);   // the label is not a number either: says "is this line a header?"
            }
            labels[count] = labelColumn.read(row);
            for (int f = 0; f < width; f++) {
                values[count * width + f] = number(rows, row, featureColumns[f]);
            }
            lines[count++] = row.line();
        }
        if (count == 0) {
            throw new DataFormatException(rows.file(), "has a header but no data rows");
        }
        labelColumn.classIndices(labels, count);
        Dataset data = Dataset.fromText(rows.file().toString(), Arrays.copyOf(values, count * width),
                new long[] {width}, Arrays.copyOf(labels, count), Arrays.copyOf(lines, count));
        List<String> classes = labelColumn.classNames();
        return classes.isEmpty() ? data : data.withClassNames(classes);
    }

    /** A label that is not a number in a row with a feature that is not one either: a header read as data. */
    private static boolean looksLikeHeader(DelimitedRows.Row row, int label, int[] featureColumns) {
        return NumericCell.kind(row.cell(label)) == NumericCell.Kind.TEXT
                && Arrays.stream(featureColumns).anyMatch(f -> !NumericCell.isNumber(row.cell(f)));
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

    static float number(DelimitedRows rows, DelimitedRows.Row row, int column) throws DataFormatException {
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
