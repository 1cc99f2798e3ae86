package dev.lamina.runtime.score;

import java.nio.file.Path;

/**
 * What a scoring job did.
 *
 * @param rows the input's rows (header excluded)
 * @param errors rows that could not be scored, each with its reason in the output's error column
 */
public record ScoreSummary(Path input, Path output, long rows, long errors, double seconds) {

    public long scored() {
        return rows - errors;
    }

    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }

    @Override
    public String toString() {
        return "Scored " + scored() + " of " + rows + " rows of " + input + " into " + output + " (" + errors
                + " with an error) in " + String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }
}
