package dev.lamina.processor.parse;

/**
 * An annotation value javac has not resolved (an unknown constant, or a class no round has produced yet).
 * The processor defers the network to the next round, where another annotation processor may have
 * generated the missing class; see {@code DeferredNetworks}.
 */
public final class UnresolvedValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String annotation;
    private final String attribute;
    private final String value;
    private final boolean compilerReportsIt;

    UnresolvedValueException(String annotation, String attribute, Object value) {
        this(annotation, attribute, String.valueOf(value), true);
    }

    /**
     * @param compilerReportsIt whether the compiler reports the value as an error itself: javac does for
     *     every name in the source it cannot resolve ("cannot find symbol"), which is where all values the
     *     parser finds unresolved come from
     */
    public UnresolvedValueException(String annotation, String attribute, String value, boolean compilerReportsIt) {
        super("@" + annotation + "(" + attribute + ") is unresolved: " + value);
        this.annotation = annotation;
        this.attribute = attribute;
        this.value = value;
        this.compilerReportsIt = compilerReportsIt;
    }

    /** The annotation's simple name, such as {@code Train}. */
    public String annotation() {
        return annotation;
    }

    public String attribute() {
        return attribute;
    }

    /** What javac holds in the value's place: the unresolved name as written, or its error placeholder. */
    public String value() {
        return value;
    }

    /** Whether the compiler's own error already points at the value, so that one of Lamina's would repeat it. */
    public boolean compilerReportsIt() {
        return compilerReportsIt;
    }
}
