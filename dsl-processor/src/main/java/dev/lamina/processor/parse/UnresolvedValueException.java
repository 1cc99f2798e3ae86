package dev.lamina.processor.parse;

/**
 * An annotation value javac could not resolve (an unknown constant, say). javac reports that error
 * itself, so the processor skips the network instead of adding a confusing one of its own.
 */
public final class UnresolvedValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnresolvedValueException(String annotation, String attribute, Object value) {
        super("@" + annotation + "(" + attribute + ") is unresolved: " + value);
    }
}
