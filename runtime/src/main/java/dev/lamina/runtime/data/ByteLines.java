package dev.lamina.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lines of a text file as raw bytes, for loaders that parse ASCII numbers themselves: decoding 110 MB of
 * MNIST CSV into Strings and splitting them costs several times more than the parsing. Lines end at '\n'; a
 * '\r' before it (Windows line ends) and a UTF-8 byte order mark at the start of the file are dropped. A line
 * longer than the loader's cap is an error naming the file and line, not a buffer that grows until the heap
 * is gone.
 */
final class ByteLines {

    private final Path file;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private int length;
    private int lineNumber;

    /** @param maxLineBytes the longest line accepted, its line end not counted */
    ByteLines(Path file, InputStream in, int maxLineBytes) {
        this.file = file;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        length = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAnything) {
                        return false;
                    }
                    break; // a last line without '\n'
                }
            }
            sawAnything = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            if ((long) length + (end - position) > maxLineBytes + 1L) { // + 1: a '\r' before the '\n'
                throw new DataFormatException(file, lineNumber + 1L, "the line is longer than " + maxLineBytes
                        + " bytes, which no valid line of this format is (a damaged file, or another format?)");
            }
            append(position, end);
            if (end < limit) {
                position = end + 1;
                break;
            }
            position = limit;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (lineNumber == 1 && startsWithByteOrderMark()) {
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
        return true;
    }

    /** The current line's bytes, valid up to {@link #length()} and until the next call to {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** The 1-based number of the current line. */
    int lineNumber() {
        return lineNumber;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private boolean startsWithByteOrderMark() {
        return length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }
}
