package dev.lamina.runtime.model;

/** A file that is not a usable model file; the message says what it is and what to pass instead. */
public final class ModelFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
