package dev.lamina.runtime.train;

import java.util.Locale;

/** A count with its noun, singular for one: the console says "1 epoch", never "1 epochs". */
final class Plural {

    private Plural() {}

    /** {@code of(1, "epoch")} is "1 epoch", {@code of(60000, "sample")} is "60,000 samples". */
    static String of(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
