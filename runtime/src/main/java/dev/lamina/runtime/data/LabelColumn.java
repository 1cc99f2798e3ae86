package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the label column of a delimited text file row by row, as {@link DelimitedText} documents: numbers as
 * they are, or class names as indices. Names read from the file get provisional indices in the order they first
 * appear, replaced by their places in the sorted names at the end ({@link #classIndices}); names given by the
 * caller keep their given indices.
 */
final class LabelColumn {

    /** Names sorted as Python's {@code sorted} and scikit-learn's {@code LabelEncoder} sort them: by code point. */
    static final Comparator<String> CODE_POINT_ORDER = LabelColumn::compareCodePoints;

    private static final int MAX_LISTED = 20;

    private enum State { UNDECIDED, NUMBERS, NAMES }

    private final DelimitedRows rows;
    private final int column;
    /** Whether numbers and names are told apart by the cells (rather than every cell being a name). */
    private final boolean inferred;
    /** Whether the names are the caller's, so that a name not among them is an error. */
    private final boolean fixedNames;
    private final Map<String, Integer> indices = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private State state;
    private int firstLine;
    private String firstCell;
    private int nameRows;

    private LabelColumn(DelimitedRows rows, int column, boolean inferred, List<String> knownNames) {
        this.rows = rows;
        this.column = column;
        this.inferred = inferred;
        this.fixedNames = knownNames != null;
        this.state = inferred ? State.UNDECIDED : State.NAMES;
        if (knownNames != null) {
            for (String name : knownNames) {
                indices.put(name, names.size());
                names.add(name);
            }
        }
    }

    /** Numbers, or class names if no cell is a number; a column mixing both is an error. */
    static LabelColumn inferred(DelimitedRows rows, int column) {
        return new LabelColumn(rows, column, true, null);
    }

    /** Class names in every cell, numbers too; {@code known} null to take them from the file. */
    static LabelColumn names(DelimitedRows rows, int column, List<String> known) {
        return new LabelColumn(rows, column, false, known);
    }

    boolean isInferred() {
        return inferred;
    }

    /** The row's label: its number, or its class's (provisional) index. */
    float read(DelimitedRows.Row row) throws DataFormatException {
        String cell = row.cell(column);
        NumericCell.Kind kind = NumericCell.kind(cell);
        if (kind == NumericCell.Kind.EMPTY) {
            return DelimitedText.number(rows, row, column);   // the message for a missing value
        }
        if (state == State.UNDECIDED) {
            state = kind == NumericCell.Kind.TEXT ? State.NAMES : State.NUMBERS;
            firstLine = row.line();
            firstCell = cell.strip();
        }
        if (state == State.NUMBERS) {
            if (kind == NumericCell.Kind.TEXT) {
                throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(column) + ": "
                        + NumericCell.quote(cell.strip()) + " is not a number, but line " + firstLine
                        + " holds the number " + NumericCell.quote(firstCell) + mixHint());
            }
            return DelimitedText.number(rows, row, column);
        }
        if (inferred && kind != NumericCell.Kind.TEXT) {
            if (kind == NumericCell.Kind.NOT_FINITE) {
                return DelimitedText.number(rows, row, column);   // a missing value, as in a column of numbers
            }
            if (nameRows == 1 && !rows.hasHeader() && firstLine == rows.firstLine()) {
                // One name, then numbers: the "name" is a header read as data.
                throw new DataFormatException(rows.file(), firstLine, rows.describeColumn(column) + ": "
                        + NumericCell.quote(firstCell) + " is not a number; is this line a header? then use"
                        + " withHeader(true)");
            }
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(column) + ": "
                    + NumericCell.quote(cell.strip()) + " is a number, but line " + firstLine
                    + " holds the class name " + NumericCell.quote(firstCell) + mixHint());
        }
        nameRows++;
        return index(row, cell.strip());
    }

    private String mixHint() {
        return ": a label column holds numbers or class names, not both; to read every label as a class name,"
                + " use classNames()";
    }

    private int index(DelimitedRows.Row row, String name) throws DataFormatException {
        Integer index = indices.get(name);
        if (index != null) {
            return index;
        }
        if (fixedNames) {
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(column) + ": "
                    + NumericCell.quote(name) + " is not one of the " + names.size() + " known classes "
                    + list(names) + " (a class the training data does not have?)");
        }
        if (name.length() > DelimitedText.MAX_CLASS_NAME_CHARS) {
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(column) + ": the class name "
                    + NumericCell.quote(name) + " has " + name.length() + " characters, more than the "
                    + DelimitedText.MAX_CLASS_NAME_CHARS + " a class name may have; is this the label column?");
        }
        if (names.size() == DelimitedText.MAX_CLASSES) {
            throw new DataFormatException(rows.file(), row.line(), rows.describeColumn(column) + ": "
                    + NumericCell.quote(name) + " would be class " + (names.size() + 1) + ", but a label column"
                    + " may hold at most " + DelimitedText.MAX_CLASSES + " distinct class names; is this the label"
                    + " column?");
        }
        indices.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** The class names labels index into once {@link #classIndices} has run; empty when labels are numbers. */
    List<String> classNames() {
        if (state != State.NAMES) {
            return List.of();
        }
        if (fixedNames) {
            return List.copyOf(names);
        }
        return names.stream().sorted(CODE_POINT_ORDER).toList();
    }

    /** Replaces the provisional indices of names read from the file by their places in {@link #classNames}. */
    void classIndices(float[] labels, int count) {
        if (state != State.NAMES || fixedNames) {
            return;
        }
        List<String> sorted = classNames();
        int[] place = new int[names.size()];
        for (int i = 0; i < sorted.size(); i++) {
            place[indices.get(sorted.get(i))] = i;
        }
        for (int i = 0; i < count; i++) {
            labels[i] = place[(int) labels[i]];
        }
    }

    /** The names, the first {@value #MAX_LISTED} of many: for messages. */
    static String list(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names.subList(0, Math.min(MAX_LISTED, names.size()))) {
            shown.add(name.length() > 30 ? NumericCell.quote(name) : name);
        }
        if (names.size() > MAX_LISTED) {
            shown.add("... " + (names.size() - MAX_LISTED) + " more");
        }
        return "[" + String.join(", ", shown) + "]";
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
