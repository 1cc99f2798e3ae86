package dev.lamina.runtime.data;

import java.util.Map;

/**
 * Reads one kind of {@link Preprocessing} back from a model file. Found with {@link java.util.ServiceLoader},
 * so optional modules (chemistry) add their kinds by being on the class path.
 */
public interface PreprocessingKind {

    /** The {@link Preprocessing#kind()} it reads. */
    String kind();

    /**
     * The preprocessing {@code parameters} describe, validated.
     *
     * @throws IllegalArgumentException saying which value is wrong
     */
    Preprocessing<?> read(Map<String, Object> parameters);
}
