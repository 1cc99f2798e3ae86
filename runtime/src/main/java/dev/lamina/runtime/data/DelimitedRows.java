package dev.lamina.runtime.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a delimited text file (CSV, TSV, ...), as cells of text with their 1-based line numbers, for
 * loaders that then interpret the cells. UTF-8, gzip-compressed or not; '\n', "\r\n" and '\r' line ends and a
 * byte order mark are tolerated; blank lines (empty or spaces only) are skipped, as pandas does. Every row must have as many cells
 * as the header (or, without a header, as the first row). Cells are split at every delimiter: quoting is not
 * supported. A line may hold at most {@value #MAX_LINE_CHARS} characters and {@value #MAX_COLUMNS} cells.
 */
public final class DelimitedRows implements AutoCloseable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The longest line read: a million columns of short numbers. Longer is a damaged file, not a table. */
    public static final int MAX_LINE_CHARS = 16 << 20;

    /** The most cells a row may have; each costs a String while the row is split. */
    public static final int MAX_COLUMNS = 1_000_000;

    private final Path file;
    private final char delimiter;
    private final Reader reader;
    private final TextLines lines;
    private final List<String> header;
    private final int firstLine;
    private final int columnCount;
    private int lineNumber;
    private Row pending;

    /** One row: its cells (not trimmed) and the line it was read from. */
    public record Row(int line, List<String> cells) {
        public String cell(int column) {
            return cells.get(column);
        }
    }

    private DelimitedRows(Path file, char delimiter, boolean hasHeader) throws IOException {
        this.file = file;
        this.delimiter = delimiter;
        this.reader = new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8);
        this.lines = new TextLines(file, reader, MAX_LINE_CHARS);
        try {
            String first = nextNonBlankLine();
            if (first == null) {
                throw new DataFormatException(file, "is empty: there are no rows");
            }
            firstLine = lineNumber;
            List<String> cells = split(first);
            columnCount = cells.size();
            if (hasHeader) {
                header = cells.stream().map(String::strip).toList();
            } else {
                header = null;
                pending = new Row(lineNumber, cells);
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Opens {@code file}; the first non-blank line is the header if {@code hasHeader}. */
    public static DelimitedRows open(Path file, char delimiter, boolean hasHeader) throws IOException {
        return new DelimitedRows(file, delimiter, hasHeader);
    }

    public Path file() {
        return file;
    }

    public boolean hasHeader() {
        return header != null;
    }

    /** The header's names, stripped of surrounding spaces; empty without a header. */
    public List<String> header() {
        return header == null ? List.of() : header;
    }

    /** The line of the header, or of the first row without a header. */
    public int firstLine() {
        return firstLine;
    }

    public int columnCount() {
        return columnCount;
    }

    /** The next row, or null at the end of the file. */
    public Row next() throws IOException {
        if (pending != null) {
            Row row = pending;
            pending = null;
            return row;
        }
        String line = nextNonBlankLine();
        if (line == null) {
            return null;
        }
        List<String> cells = split(line);
        if (cells.size() != columnCount) {
            String hint = cells.size() == 1 && columnCount > 1
                    ? "; the line has no " + delimiterName() + ": is the delimiter right?" : "";
            throw new DataFormatException(file, lineNumber, "expected " + columnCount + " columns separated by "
                    + delimiterName() + " (as " + (header != null ? "in the header" : "on") + " line " + firstLine
                    + "), found " + cells.size() + hint);
        }
        return new Row(lineNumber, cells);
    }

    /** The 0-based index of the header column called {@code name} (exact match). */
    public int columnIndex(String name) throws DataFormatException {
        if (header == null) {
            throw new IllegalStateException(file + ": column '" + name + "' is chosen by name, but the file is"
                    + " read without a header; choose it by index or read the header");
        }
        int index = header.indexOf(name);
        if (index >= 0 && header.lastIndexOf(name) != index) {
            throw new DataFormatException(file, firstLine, "the header names two columns '" + name + "' (indices "
                    + index + " and " + header.lastIndexOf(name) + "); rename one");
        }
        if (index < 0) {
            throw new DataFormatException(file, firstLine, "the header has no column '" + name + "'"
                    + suggestionFor(name) + "; its columns are " + header
                    + (columnCount == 1 ? " (one column: is the delimiter " + delimiterName() + " right?)" : "")
                    + (headerLooksLikeData() ? "; the header is all numbers: does the file have a header at all?"
                            : ""));
        }
        return index;
    }

    /** Checks a 0-based column index against the column count. */
    public void requireColumn(int index) throws DataFormatException {
        if (index < 0 || index >= columnCount) {
            throw new DataFormatException(file, firstLine, "there is no column index " + index + ": the rows have "
                    + columnCount + " columns (indices 0.." + (columnCount - 1) + ")");
        }
    }

    /** "column 'activity'" with a header, "column 2 (0-based)" without: for messages about a cell. */
    public String describeColumn(int index) {
        return header != null ? "column '" + header.get(index) + "'" : "column " + index + " (0-based)";
    }

    /**
     * Whether every header cell is a number, except for the names pandas gives unnamed columns (0, 1, 2, ...):
     * then the "header" is most likely the first data row.
     */
    public boolean headerLooksLikeData() {
        if (header == null || !header.stream().allMatch(NumericCell::isNumber)) {
            return false;
        }
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).equals(Integer.toString(i))) {
                return true;
            }
        }
        return false;
    }

    public String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> "'" + delimiter + "'";
        };
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private String suggestionFor(String name) {
        return header.stream()
                .filter(column -> column.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(column -> " (did you mean '" + column + "'? names are case-sensitive)")
                .orElse("");
    }

    private String nextNonBlankLine() throws IOException {
        String line;
        do {
            line = lines.readLine(lineNumber + 1L);
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
        } while (isBlank(line));
        return line;
    }

    /** Empty or spaces only; a line of empty cells ("\t\t") is not blank but a row with missing values. */
    private boolean isBlank(String line) {
        return line.isBlank() && line.indexOf(delimiter) < 0;
    }

    private List<String> split(String line) throws DataFormatException {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                if (cells.size() == MAX_COLUMNS) {
                    throw new DataFormatException(file, lineNumber, "the line has more than " + MAX_COLUMNS
                            + " cells separated by " + delimiterName() + "; Lamina reads tables of at most "
                            + MAX_COLUMNS + " columns");
                }
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells;
    }
}
