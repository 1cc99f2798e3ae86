package dev.lamina.processor.model;

import java.util.Properties;

/** A network's {@code @NetworkTests}: whether its tests are generated, and how they run. */
public record TestSettings(boolean enabled, int batchSize, int steps, double tolerance) {

    public static final TestSettings DEFAULTS = new TestSettings(true, 32, 20, 1e-5);

    /** Into the network's index entry, where the test compilation reads them back. */
    public void store(Properties entry) {
        entry.setProperty("tests.enabled", String.valueOf(enabled));
        entry.setProperty("tests.batchSize", String.valueOf(batchSize));
        entry.setProperty("tests.steps", String.valueOf(steps));
        entry.setProperty("tests.tolerance", String.valueOf(tolerance));
    }

    public static TestSettings load(Properties entry) {
        return new TestSettings(
                Boolean.parseBoolean(entry.getProperty("tests.enabled", "true")),
                Integer.parseInt(entry.getProperty("tests.batchSize", "32")),
                Integer.parseInt(entry.getProperty("tests.steps", "20")),
                Double.parseDouble(entry.getProperty("tests.tolerance", "1e-5")));
    }
}
