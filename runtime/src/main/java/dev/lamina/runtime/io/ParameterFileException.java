package dev.lamina.runtime.io;

import java.io.IOException;
import java.nio.file.Path;

/** A parameter file that cannot be read: not a safetensors file, truncated, or of an unsupported type. */
public class ParameterFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ParameterFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ParameterFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
