package dev.lamina.runtime;

/** A problem in Lamina's runtime environment that the user fixes outside the code: natives, devices. */
public class LaminaRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LaminaRuntimeException(String message) {
        super(message);
    }

    public LaminaRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
