package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The console counts in words a person would write: "1 epoch", not "1 epochs". */
class PluralTest {

    @Test
    void oneIsSingularAndLargeCountsAreGrouped() {
        assertEquals("1 epoch", Plural.of(1, "epoch"));
        assertEquals("0 epochs", Plural.of(0, "epoch"));
        assertEquals("60,000 training samples", Plural.of(60_000, "training sample"));
    }
}
