package dev.lamina.runtime.train;

/** Training cannot go on (the loss diverged, the data does not fit the network); the message says why and what to do. */
public class TrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
