package dev.lamina.spec.contract;

/**
 * A network's {@code @NetworkTests}: whether its tests are generated, and how they run. The processor reads
 * them from the annotation in the main compilation and records them in the index entry, because the tests
 * are generated later, in the test compilation, where the annotation is no longer in the sources.
 */
public record NetworkTestSettings(boolean enabled, int batchSize, int steps, double tolerance) {

    /** {@code @NetworkTests}' defaults, and what a network without the annotation gets. */
    public static final NetworkTestSettings DEFAULTS = new NetworkTestSettings(true, 32, 20, 1e-5);
}
