package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that cannot be used, with the file and, where it applies, the line at fault. */
public class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public DataFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public DataFormatException(Path file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
    }

    public DataFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + " line " + line + ": " + problem, cause);
    }

    public DataFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
