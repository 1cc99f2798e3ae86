package dev.lamina.runtime.score;

/**
 * One line of a file to score: its id and raw input, or why it cannot be scored.
 *
 * @param line 1-based line number in the input file
 * @param id the id column's value, or the line number when the file has no id column
 * @param raw the raw input; null when {@code error} is set
 * @param error why the line cannot be scored; null when it can
 */
record InputRow<R>(long line, String id, R raw, String error) {

    static <R> InputRow<R> valid(long line, String id, R raw) {
        return new InputRow<>(line, id, raw, null);
    }

    static <R> InputRow<R> invalid(long line, String id, String error) {
        return new InputRow<>(line, id, null, error);
    }
}
