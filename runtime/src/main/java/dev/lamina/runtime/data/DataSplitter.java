package dev.lamina.runtime.data;

import dev.lamina.dsl.SplitMethod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Splits a data set into training, validation and test sets, reproducibly from a seed, by one of the
 * {@link SplitMethod}s. A set whose share is 0 is absent; a set whose share is positive gets
 * {@code ceil(share * n)} samples (rounded up, as sklearn's {@code train_test_split} does), except that a
 * scaffold split never breaks a group and so only comes close. The algorithms are fixed so that other tools
 * (a Python script, for one) can reproduce a split exactly; each method's class documents its own:
 * {@link RandomSplit}, {@link StratifiedSplit}, {@link ScaffoldSplit}. All of them shuffle with
 * {@code java.util.Collections.shuffle(list, new java.util.Random(seed))}, which runs
 * {@code for (i = size; i > 1; i--) swap(list, i - 1, random.nextInt(i))} with the 48-bit linear congruential
 * generator {@code Random}'s Javadoc specifies.
 */
public final class DataSplitter {

    private DataSplitter() {}

    /**
     * @param validation the share for the validation set, in [0, 1)
     * @param test the share for the test set, in [0, 1); {@code validation + test} below 1
     * @throws IllegalArgumentException naming the data source when the shares are out of range, the data does
     *     not suit the method, or a set would be empty
     */
    public static SplitSets split(Dataset data, SplitMethod method, double validation, double test, long seed) {
        SplitCounts counts = SplitCounts.of(data, validation, test);
        SplitRows rows = switch (method) {
            case RANDOM -> RandomSplit.rows(data.size(), counts, seed);
            case STRATIFIED -> StratifiedSplit.rows(data, counts, seed);
            case SCAFFOLD -> ScaffoldSplit.rows(data, counts, seed);
        };
        rows.requireFilled(data, method, counts);
        return new SplitSets(data.subset(rows.train()),
                counts.validation() == 0 ? Optional.empty() : Optional.of(data.subset(rows.validation())),
                counts.test() == 0 ? Optional.empty() : Optional.of(data.subset(rows.test())));
    }

    /** A shuffled copy, as the class Javadoc says. */
    static List<Integer> shuffled(List<Integer> items, Random random) {
        List<Integer> order = new ArrayList<>(items);
        Collections.shuffle(order, random);
        return order;
    }

    static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
