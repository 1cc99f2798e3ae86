package dev.lamina.runtime.train;

/** Range checks for settings that can also arrive from the command line, with messages a user can act on. */
final class Checks {

    private Checks() {}

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + value);
        }
    }

    static void atLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
        }
    }

    /** {@code low <= value < high}. */
    static void inRange(String name, double value, double low, double high, String range) {
        if (!(value >= low && value < high)) {
            throw new IllegalArgumentException(name + " must be in " + range + ", was " + value);
        }
    }

    static void atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}
