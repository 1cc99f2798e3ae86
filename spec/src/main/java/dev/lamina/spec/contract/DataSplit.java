package dev.lamina.spec.contract;

/** The sets a run evaluates on, by the prefix their metrics carry ({@code val_loss}). */
public enum DataSplit {
    TRAIN("train"),
    /** The set every choice is made on: early stopping, the best epoch, learning-rate decisions. */
    VALIDATION("val"),
    /** Evaluated once with the chosen parameters (or every epoch for learning curves, never for choices). */
    TEST("test");

    private final String prefix;

    DataSplit(String prefix) {
        this.prefix = prefix;
    }

    /** {@code train}, {@code val} or {@code test}. */
    public String prefix() {
        return prefix;
    }
}
