package dev.lamina.runtime.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Lines of text with a cap on their length: {@code BufferedReader.readLine} keeps reading a line that never
 * ends until the heap is gone. Lines end at '\n', "\r\n" or '\r', as there.
 */
final class TextLines {

    private final Path file;
    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private final StringBuilder line = new StringBuilder();

    TextLines(Path file, Reader reader, int maxChars) {
        this.file = file;
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its end, or null at the end of the file.
     *
     * @param lineNumber the line's number, for the message if it is too long
     */
    String readLine(long lineNumber) throws IOException {
        line.setLength(0);
        boolean sawAnything = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return sawAnything ? line.toString() : null;
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            sawAnything = true;
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            if (line.length() + (end - position) > maxChars) {
                throw new DataFormatException(file, lineNumber, "the line is longer than " + maxChars
                        + " characters; this is not a table Lamina reads (a damaged file, or not text?)");
            }
            line.append(buffer, position, end - position);
            if (end < limit) {
                skipLineFeed = buffer[end] == '\r';
                position = end + 1;
                return line.toString();
            }
            position = limit;
        }
    }
}
