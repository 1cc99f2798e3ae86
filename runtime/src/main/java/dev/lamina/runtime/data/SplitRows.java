package dev.lamina.runtime.data;

import dev.lamina.dsl.SplitMethod;

/** The row indices of each set, before the sets are copied out of the data. */
record SplitRows(int[] train, int[] validation, int[] test) {

    /** Refuses a split that leaves a set with a positive share empty: a metric on no samples means nothing. */
    void requireFilled(Dataset data, SplitMethod method, SplitCounts counts) {
        String empty = train.length == 0 ? "training"
                : counts.validation() > 0 && validation.length == 0 ? "validation"
                : counts.test() > 0 && test.length == 0 ? "test" : null;
        if (empty != null) {
            throw new IllegalArgumentException(data.source() + ": the " + method.name().toLowerCase()
                    + " split of " + data.size() + " samples leaves the " + empty + " set empty (training "
                    + train.length + ", validation " + validation.length + ", test " + test.length + ")"
                    + (method == SplitMethod.SCAFFOLD ? "; too few scaffolds hold too many molecules:"
                            + " use a random split or more varied molecules" : "; use larger shares or more data"));
        }
    }
}
