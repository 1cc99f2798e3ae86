package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

    /** n samples of one feature; sample i has feature i and came from line i + 2 (after a header). */
    private static Dataset numbered(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        int[] lines = IntStream.range(0, n).map(i -> i + 2).toArray();
        return Dataset.fromText("numbers.csv", values, new long[] {1}, values.clone(), lines);
    }

    /**
     * The documented algorithm re-done without java.util.Random or Collections.shuffle, the way a Python mirror
     * does it: Random's 48-bit LCG and nextInt(bound), then a Fisher-Yates shuffle from the end.
     */
    private static int[] mirrorOrder(int n, long seed) {
        long[] state = {(seed ^ 0x5DEECE66DL) & ((1L << 48) - 1)};
        java.util.function.IntSupplier next31 = () -> {
            state[0] = (state[0] * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
            return (int) (state[0] >>> 17);
        };
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n; i > 1; i--) {
            int j;
            if ((i & -i) == i) {
                j = (int) ((i * (long) next31.getAsInt()) >> 31);
            } else {
                int bits;
                int value;
                do {
                    bits = next31.getAsInt();
                    value = bits % i;
                } while (bits - value + (i - 1) < 0);
                j = value;
            }
            int swap = order[i - 1];
            order[i - 1] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Test
    void followsTheDocumentedAlgorithmExactly() {
        for (int n : new int[] {2, 10, 16, 2246}) {
            TrainTestData split = TrainTestSplit.split(numbered(n), 0.2, 1234);
            int[] order = mirrorOrder(n, 1234);
            int testCount = (int) Math.ceil(0.2 * n);
            assertArrayEquals(toFloats(Arrays.copyOfRange(order, 0, testCount)), split.test().features(), "n=" + n);
            assertArrayEquals(toFloats(Arrays.copyOfRange(order, testCount, n)), split.train().features(), "n=" + n);
        }
    }

    @Test
    void testSideGetsTheRoundedUpCount() {
        TrainTestData tox21Sized = TrainTestSplit.split(numbered(2246), 0.2, 1234);
        assertEquals(450, tox21Sized.test().size());
        assertEquals(1796, tox21Sized.train().size());
        // 0.07 * 100 is 7.000000000000001 in double, so ceil gives 8: as in Python (and sklearn).
        assertEquals(8, TrainTestSplit.split(numbered(100), 0.07, 1).test().size());
    }

    @Test
    void isDeterministicPerSeedAndKeepsLabelsAndLines() {
        Dataset data = numbered(50);
        TrainTestData first = TrainTestSplit.split(data, 0.25, 42);
        TrainTestData again = TrainTestSplit.split(data, 0.25, 42);
        TrainTestData otherSeed = TrainTestSplit.split(data, 0.25, 43);

        assertArrayEquals(first.test().features(), again.test().features());
        assertTrue(!Arrays.equals(first.test().features(), otherSeed.test().features()));
        assertArrayEquals(first.test().features(), first.test().labels());
        int sample = (int) first.test().features()[0];
        assertEquals("numbers.csv line " + (sample + 2), first.test().describeRow(0));

        float[] all = new float[50];
        System.arraycopy(first.train().features(), 0, all, 0, first.train().size());
        System.arraycopy(first.test().features(), 0, all, first.train().size(), first.test().size());
        Arrays.sort(all);
        assertArrayEquals(toFloats(IntStream.range(0, 50).toArray()), all);
    }

    @Test
    void rejectsFractionsOutsideZeroOneAndEmptySides() {
        Dataset data = numbered(10);
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertEquals("numbers.csv: the test fraction must be between 0 and 1 (exclusive), got " + bad,
                    assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(data, bad, 1)).getMessage());
        }
        assertEquals("numbers.csv: a test fraction of 0.95 of 10 samples leaves no training samples",
                assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(data, 0.95, 1)).getMessage());
        assertEquals("numbers.csv: 1 samples cannot be split into a training and a test set",
                assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(numbered(1), 0.5, 1))
                        .getMessage());
    }

    private static float[] toFloats(int[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = values[i];
        }
        return floats;
    }
}
