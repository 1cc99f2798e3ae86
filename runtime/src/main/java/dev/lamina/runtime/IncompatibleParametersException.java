package dev.lamina.runtime;

/** A parameter file that is well-formed but belongs to a different network. */
public class IncompatibleParametersException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IncompatibleParametersException(String message) {
        super(message);
    }
}
