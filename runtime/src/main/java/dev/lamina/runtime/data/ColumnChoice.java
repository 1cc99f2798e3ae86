package dev.lamina.runtime.data;

/** A column chosen by header name or by 0-based index, resolved against a file once its header is read. */
record ColumnChoice(String name, int index) {

    static ColumnChoice named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
        return new ColumnChoice(name, -1);
    }

    static ColumnChoice at(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column indices start at 0, got " + index);
        }
        return new ColumnChoice(null, index);
    }

    int resolve(DelimitedRows rows) throws DataFormatException {
        if (name != null) {
            return rows.columnIndex(name);
        }
        rows.requireColumn(index);
        return index;
    }

    @Override
    public String toString() {
        return name != null ? "'" + name + "'" : "index " + index;
    }
}
