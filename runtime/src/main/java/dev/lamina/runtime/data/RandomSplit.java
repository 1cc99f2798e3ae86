package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Uniformly at random, {@link TrainTestSplit}'s algorithm with a validation set after the test set:
 *
 * <pre>
 * order = [0, 1, ..., n - 1];  Collections.shuffle(order, new Random(seed));
 * test       = order[0 .. testCount - 1]
 * validation = order[testCount .. testCount + validationCount - 1]
 * train      = order[testCount + validationCount .. n - 1]          // each in shuffled order
 * </pre>
 *
 * With no validation set this is exactly {@code TrainTestSplit.split(data, test, seed)}.
 */
final class RandomSplit {

    private RandomSplit() {}

    static SplitRows rows(int n, SplitCounts counts, long seed) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        List<Integer> order = DataSplitter.shuffled(all, new Random(seed));
        int validationEnd = counts.test() + counts.validation();
        return new SplitRows(DataSplitter.toArray(order.subList(validationEnd, n)),
                DataSplitter.toArray(order.subList(counts.test(), validationEnd)),
                DataSplitter.toArray(order.subList(0, counts.test())));
    }
}
