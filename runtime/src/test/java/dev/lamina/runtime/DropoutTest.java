package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import dev.lamina.spec.layers.DropoutSpec;

import org.junit.jupiter.api.Test;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

/** Dropout is PyTorch's inverted dropout: drops a fraction p, scales the rest by 1/(1-p), off in eval. */
class DropoutTest {

    private static final int WIDTH = 100_000;

    private static LaminaNetwork dropoutOnly(double p) {
        Architecture architecture =
                Architecture.builder("DropoutOnly", WIDTH).stage("drop", new DropoutSpec(p)).build();
        return LaminaNetwork.create(architecture, Device.cpu(), 7);
    }

    @Test
    void trainModeDropsAboutPAndScalesKeptValues() {
        checkRate(0.2, 2);
        checkRate(0.5, 1);
    }

    private static void checkRate(double p, int batch) {
        try (LaminaNetwork network = dropoutOnly(p); NDManager scope = network.manager().newSubManager()) {
            float[] ones = new float[batch * WIDTH];
            Arrays.fill(ones, 1f);
            float[] out = network.forwardTrain(scope.create(ones, new Shape(batch, WIDTH))).toFloatArray();
            assertEquals(ones.length, out.length);
            float kept = (float) (1.0 / (1.0 - p));
            long zeros = 0;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == 0f) {
                    zeros++;
                } else if (Math.abs(out[i] - kept) > 1e-6) {
                    fail("p=" + p + ": kept value " + out[i] + " at " + i + ", expected " + kept);
                }
            }
            double fraction = zeros / (double) out.length;
            assertEquals(p, fraction, 0.01, "p=" + p + ": fraction of dropped values");
        }
    }

    @Test
    void masksDifferBetweenCallsAndSamples() {
        try (LaminaNetwork network = dropoutOnly(0.2); NDManager scope = network.manager().newSubManager()) {
            float[] ones = new float[2 * WIDTH];
            Arrays.fill(ones, 1f);
            float[] first = network.forwardTrain(scope.create(ones, new Shape(2, WIDTH))).toFloatArray();
            float[] second = network.forwardTrain(scope.create(ones, new Shape(2, WIDTH))).toFloatArray();
            assertTrue(!Arrays.equals(first, second), "two training passes used the same mask");
            assertTrue(
                    !Arrays.equals(Arrays.copyOfRange(first, 0, WIDTH), Arrays.copyOfRange(first, WIDTH, 2 * WIDTH)),
                    "both samples of a batch got the same mask");
        }
    }

    @Test
    void theGradientIsTheSameMaskScaled() {
        double p = 0.3;
        try (LaminaNetwork network = dropoutOnly(p); NDManager scope = network.manager().newSubManager()) {
            Random random = new Random(5);
            float[] values = new float[2 * WIDTH];
            for (int i = 0; i < values.length; i++) {
                values[i] = 0.5f + random.nextFloat(); // never zero, so a zero output means dropped
            }
            NDArray input = scope.create(values, new Shape(2, WIDTH));
            input.setRequiresGradient(true);
            float[] out;
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                NDArray output = network.forwardTrain(input);
                out = output.toFloatArray();
                collector.backward(output.sum());
            }
            float[] gradient = input.getGradient().toFloatArray();
            float kept = (float) (1.0 / (1.0 - p));
            for (int i = 0; i < values.length; i++) {
                float expected = out[i] == 0f ? 0f : kept;
                assertEquals(expected, gradient[i], 1e-6, "gradient at " + i + " (output " + out[i] + ")");
            }
        }
    }

    /**
     * The backward pass may not read memory the JVM can free in the meantime: DJL passes a Java number to
     * libtorch as a tensor over a direct buffer, and an operation autograd records keeps that tensor. A
     * version that scaled with {@code muli(scale)} got gradients of 1.4e-45 once a collection had freed it.
     */
    @Test
    void theGradientIsRightAfterACollectionBetweenForwardAndBackward() throws InterruptedException {
        double p = 0.2;
        try (LaminaNetwork network = dropoutOnly(p); NDManager scope = network.manager().newSubManager()) {
            NDArray input = scope.ones(new Shape(2, WIDTH));
            input.setRequiresGradient(true);
            float[] out;
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                NDArray output = network.forwardTrain(input);
                out = output.toFloatArray();
                freeUnreachableDirectBuffers();
                collector.backward(output.sum());
            }
            float[] gradient = input.getGradient().toFloatArray();
            float kept = (float) (1.0 / (1.0 - p));
            for (int i = 0; i < out.length; i++) {
                assertEquals(out[i] == 0f ? 0f : kept, gradient[i], "gradient at " + i + " (output " + out[i] + ")");
            }
        }
    }

    /** Collects garbage until the JDK's Cleaner has freed some direct buffers (at most about a second). */
    private static void freeUnreachableDirectBuffers() throws InterruptedException {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .findFirst()
                .orElseThrow();
        long before = direct.getCount();
        for (int i = 0; i < 20 && direct.getCount() >= before; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    @Test
    void aRateOutsideZeroToOneIsRejected() {
        for (double p : new double[] {-0.1, 1.0, Double.NaN}) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> new DropoutSpec(p));
            assertTrue(error.getMessage().contains("[0, 1)"), error.getMessage());
        }
    }

    @Test
    void evalModeReturnsInputUnchanged() {
        try (LaminaNetwork network = dropoutOnly(0.2); NDManager scope = network.manager().newSubManager()) {
            Random random = new Random(3);
            float[] values = new float[2 * WIDTH];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            float[] out = network.forwardEval(scope.create(values, new Shape(2, WIDTH))).toFloatArray();
            assertArrayEquals(values, out);
        }
    }

    @Test
    void rateZeroIsIdentityInTrainMode() {
        try (LaminaNetwork network = dropoutOnly(0.0); NDManager scope = network.manager().newSubManager()) {
            Random random = new Random(4);
            float[] values = new float[WIDTH];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat();
            }
            float[] out = network.forwardTrain(scope.create(values, new Shape(1, WIDTH))).toFloatArray();
            assertArrayEquals(values, out);
        }
    }
}
