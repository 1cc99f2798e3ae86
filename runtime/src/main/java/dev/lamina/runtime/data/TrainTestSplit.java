package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits one data set into training and test sets at random, reproducibly from a seed.
 *
 * <p>The algorithm is fixed, so that other tools (a Python script, for one) can reproduce a split exactly:
 *
 * <pre>
 * List&lt;Integer&gt; order = [0, 1, ..., n - 1];
 * java.util.Collections.shuffle(order, new java.util.Random(seed));
 * int testCount = (int) Math.ceil(testFraction * n);      // in double arithmetic
 * test  = data.subset(order[0 .. testCount - 1]);          // in shuffled order
 * train = data.subset(order[testCount .. n - 1]);          // in shuffled order
 * </pre>
 *
 * {@code Collections.shuffle} on a list (which is random-access) runs
 * {@code for (i = n; i > 1; i--) swap(order, i - 1, random.nextInt(i))}, and {@code Random} is the 48-bit linear
 * congruential generator its Javadoc specifies, so both are reproducible outside Java. The test set gets the
 * rounded-up count, as sklearn's {@code train_test_split(test_size=...)} does: 2246 samples at 0.2 give 450 test
 * and 1796 training samples.
 */
public final class TrainTestSplit {

    private TrainTestSplit() {}

    /**
     * @param testFraction the share of samples for the test set, strictly between 0 and 1
     * @throws IllegalArgumentException for a fraction outside (0, 1) or a split that leaves a side empty
     */
    public static TrainTestData split(Dataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException(data.source() + ": the test fraction must be between 0 and 1"
                    + " (exclusive), got " + testFraction);
        }
        int n = data.size();
        if (n < 2) {
            throw new IllegalArgumentException(data.source() + ": " + n + " samples cannot be split into a"
                    + " training and a test set");
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int testCount = (int) Math.ceil(testFraction * n);
        if (testCount >= n) {
            throw new IllegalArgumentException(data.source() + ": a test fraction of " + testFraction + " of "
                    + n + " samples leaves no training samples");
        }
        int[] test = order.subList(0, testCount).stream().mapToInt(Integer::intValue).toArray();
        int[] train = order.subList(testCount, n).stream().mapToInt(Integer::intValue).toArray();
        return new TrainTestData(data.subset(train), data.subset(test));
    }
}
