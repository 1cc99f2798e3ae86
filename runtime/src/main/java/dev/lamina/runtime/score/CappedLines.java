package dev.lamina.runtime.score;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@link #MAX_CHARS} characters: a longer line is skipped to its end and reported,
 * so one huge line can neither exhaust memory nor stop the job.
 */
final class CappedLines {

    /** Far longer than a SMILES or a row of a few thousand features. */
    static final int MAX_CHARS = 1 << 20;

    /** What {@link #next()} returns for a line over the cap. */
    static final String TOO_LONG = "\u0000too long";

    private final Reader in;
    private final StringBuilder line = new StringBuilder();

    CappedLines(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (!tooLong) {
                if (line.length() == MAX_CHARS) {
                    tooLong = true;
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append((char) c);
                }
            }
            c = in.read();
        }
        return tooLong ? TOO_LONG : line.toString();
    }
}
