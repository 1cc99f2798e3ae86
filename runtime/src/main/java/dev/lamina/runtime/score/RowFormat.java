package dev.lamina.runtime.score;

/** How a line of an input file becomes an {@link InputRow}: the raw input and its id. */
interface RowFormat<R> {

    /**
     * Whether the first line names columns rather than holding a row; a format may take its column layout
     * from it, so one instance reads one file.
     */
    boolean isHeader(String firstLine);

    InputRow<R> parse(long line, String text);
}
