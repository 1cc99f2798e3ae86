package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MnistCsv;
import dev.lamina.runtime.data.MnistIdx;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vendored MNIST files load as the notebook's data; the expected values are in data/README.md. */
class MnistDataTest {

    /** Maven runs tests in the module directory, where data/ is. */
    private static final DataContext CONTEXT = new DataContext(Path.of("").toAbsolutePath());

    private static TrainTestData mnist;

    @BeforeAll
    static void loadOnce() throws IOException {
        long start = System.nanoTime();
        mnist = new MnistData().load(CONTEXT);
        System.out.printf("MnistData: 60000 + 10000 images loaded and scaled in %.2f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    @Test
    void hasTheKnownSizesAndLabels() {
        Dataset train = mnist.train();
        Dataset test = mnist.test();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new long[] {784}, train.sampleShape());
        assertArrayEquals(new float[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.labels(), 10));
        assertArrayEquals(new float[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.labels(), 10));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                histogram(train.labels()));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                histogram(test.labels()));
    }

    @Test
    void isMinMaxScaledOnTheTrainingSetLikeSklearn() {
        float[] train = mnist.train().features();
        assertEquals(0f, min(train));
        assertEquals(1f, max(train));
        // Image 1 of the test set: its first ink pixel (index 202) is 84 and that column spans 0..255 in training.
        assertEquals((float) (84 * (1.0 / 255)), mnist.test().features()[202]);
        float[] test = mnist.test().features();
        assertEquals(0f, min(test));
        // 67 pixel columns are 0 in every training image, so sklearn leaves them unscaled (scale 1). Two of them
        // (indices 141 and 645) are 24 in some test image: the test set's maximum, as in the notebook.
        assertEquals(24f, max(test));
    }

    @Test
    void theIdxFilesAndTheCsvHoldTheSameTestImages() throws IOException {
        Dataset fromIdx = MnistIdx.load(CONTEXT.resolve("data/mnist/t10k-images-idx3-ubyte.gz"),
                CONTEXT.resolve("data/mnist/t10k-labels-idx1-ubyte.gz"));
        Dataset fromCsv = MnistCsv.load(CONTEXT.resolve(MnistData.TEST_FILE));

        assertArrayEquals(fromCsv.labels(), fromIdx.labels());
        assertArrayEquals(fromCsv.features(), fromIdx.features());
        assertEquals(255f, max(fromIdx.features()));
    }

    private static int[] histogram(float[] labels) {
        int[] counts = new int[10];
        for (float label : labels) {
            counts[(int) label]++;
        }
        return counts;
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
