package dev.lamina.runtime;

import static dev.lamina.runtime.SeedNetworks.assertAllClose;
import static dev.lamina.runtime.SeedNetworks.maxAbsDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.layers.AvgPool2dSpec;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * A CNN gives PyTorch's numbers (fixtures from src/test/python/make_cnn_parity_fixtures.py, on 16 real MNIST
 * images): Conv2d layout, stride, padding and dilation; BatchNorm over the channels of (N, C, H, W) and over
 * flattened features, in eval mode and in train mode (batch statistics, momentum, unbiased running
 * variance); MaxPool2d; AvgPool2d with stride and padding (padding zeros counted); Flatten; Linear.
 */
class CnnParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final String FIXTURES = "/parity/cnn/";
    private static final String[] BATCH_NORM_STAGES = {"conv1", "conv2", "head"};

    private static Map<String, SafeTensors.Tensor> fixture;
    private static SafeTensors.Tensor input;

    /** The network of make_cnn_parity_fixtures.py, with dropout rate {@code dropout}. */
    static Architecture cnn(double dropout) {
        return Architecture.builder("MnistCnnParity", 1, 28, 28)
                .stage("conv1",
                        new Conv2dSpec(1, 8, 3, 1, 1, 1), new BatchNormSpec(8, 1e-5, 0.1), new ReLUSpec(),
                        new MaxPool2dSpec(2, 2, 0))
                .stage("conv2",
                        new Conv2dSpec(8, 16, 3, 1, 2, 2), new BatchNormSpec(16, 1e-5, 0.1), new ReLUSpec(),
                        new AvgPool2dSpec(3, 2, 1))
                .stage("conv3", new Conv2dSpec(16, 16, 3, 2, 1, 1), new ReLUSpec())
                .stage("head",
                        new FlattenSpec(), new BatchNormSpec(256, 1e-5, 0.1), new DropoutSpec(dropout),
                        new LinearSpec(256, 10))
                .build();
    }

    @BeforeAll
    static void readFixtures() throws IOException {
        fixture = SafeTensors.read(resource("fixture.safetensors")).tensors();
        input = fixture.get("input");
        assertArrayEquals(new long[] {16, 1, 28, 28}, input.shape());
    }

    @Test
    void weightFileWrittenByPyTorchHasLaminaNamesAndShapes() throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(weightsFile());
        try (LaminaNetwork network = LaminaNetwork.create(cnn(0.25), Device.cpu(), 1)) {
            assertEquals(new TreeSet<>(network.parameterNames()), new TreeSet<>(contents.tensors().keySet()));
            for (String name : network.parameterNames()) {
                assertArrayEquals(
                        network.parameter(name).getShape().getShape(), contents.tensors().get(name).shape(), name);
            }
            assertArrayEquals(new long[] {16, 8, 3, 3}, network.parameter("conv2.weight").getShape().getShape());
        }
    }

    @Test
    void evalModeMatchesPyTorch() throws IOException {
        try (LaminaNetwork network = LaminaNetwork.create(cnn(0.25), Device.cpu(), 1);
                NDManager scope = network.manager().newSubManager()) {
            NDArray x = scope.create(input.data(), new Shape(input.shape()));
            float[] before = network.forwardEval(x).toFloatArray();

            network.load(weightsFile());
            Map<String, float[]> loaded = SeedNetworks.snapshot(network);
            NDArray output = network.forwardEval(x);

            float[] expected = fixture.get("eval.output").data();
            assertArrayEquals(new long[] {16, 10}, output.getShape().getShape());
            report("eval.output", expected, output.toFloatArray());
            assertAllClose(expected, output.toFloatArray(), TOLERANCE, "eval.output");
            // The comparison means something: the freshly initialised network is far from it.
            assertTrue(maxAbsDifference(expected, before) > 0.01, "fixture too close to an untrained network");
            // Eval mode leaves the running statistics alone, and gives the same answer twice.
            SeedNetworks.assertSameParameters(loaded, network);
            assertAllClose(expected, network.forwardEval(x).toFloatArray(), TOLERANCE, "second eval.output");
        }
    }

    @Test
    void trainModeWithoutDropoutMatchesPyTorchIncludingRunningStatistics() throws IOException {
        // Same parameters, Dropout off: its random mask cannot match PyTorch's.
        try (LaminaNetwork network = LaminaNetwork.create(cnn(0.0), Device.cpu(), 1);
                NDManager scope = network.manager().newSubManager()) {
            network.load(weightsFile());
            Map<String, float[]> loaded = SeedNetworks.snapshot(network);
            NDArray x = scope.create(input.data(), new Shape(input.shape()));

            NDArray output = network.forwardTrain(x);

            float[] expectedOutput = fixture.get("train.output").data();
            report("train.output", expectedOutput, output.toFloatArray());
            assertAllClose(expectedOutput, output.toFloatArray(), TOLERANCE, "train.output");
            // Batch statistics, not running ones: train and eval outputs differ clearly.
            assertTrue(maxAbsDifference(expectedOutput, fixture.get("eval.output").data()) > 0.01);
            for (String stage : BATCH_NORM_STAGES) {
                for (String statistic : new String[] {"running_mean", "running_var"}) {
                    String name = stage + ".bn." + statistic;
                    float[] expected = fixture.get("train." + name).data();
                    float[] actual = network.parameter(name).toFloatArray();
                    report(name, expected, actual);
                    assertAllClose(expected, actual, TOLERANCE, name + " after one train step");
                    // The statistic moved, by more than the tolerance: the check can tell conventions apart.
                    assertTrue(maxAbsDifference(loaded.get(name), actual) > 100 * TOLERANCE, name + " did not move");
                }
            }
            // Trainable parameters are not touched by a forward pass.
            for (String name : network.parameterNames()) {
                if (!name.contains("running_")) {
                    assertArrayEquals(loaded.get(name), network.parameter(name).toFloatArray(), name);
                }
            }
        }
    }

    @Test
    void channelRunningStatisticsFollowPyTorchFormula() throws IOException {
        // Independent of the fixture's outputs: conv1's BatchNorm averages each channel over the batch and
        // all 28 x 28 positions, new = 0.9 * old + 0.1 * batch statistic, with the unbiased variance over
        // those N * H * W values, computed here in double from conv1's own convolution (k3, padding 1).
        try (LaminaNetwork network = LaminaNetwork.create(cnn(0.0), Device.cpu(), 1);
                NDManager scope = network.manager().newSubManager()) {
            network.load(weightsFile());
            float[] w = network.parameter("conv1.weight").toFloatArray();
            float[] b = network.parameter("conv1.bias").toFloatArray();
            float[] oldMean = network.parameter("conv1.bn.running_mean").toFloatArray();
            float[] oldVar = network.parameter("conv1.bn.running_var").toFloatArray();
            int n = (int) input.shape()[0];
            float[] xs = input.data();

            network.forwardTrain(scope.create(xs, new Shape(input.shape())));

            float[] newMean = network.parameter("conv1.bn.running_mean").toFloatArray();
            float[] newVar = network.parameter("conv1.bn.running_var").toFloatArray();
            int count = n * 28 * 28;
            for (int c = 0; c < 8; c++) {
                double[] z = new double[count];
                double mean = 0;
                int index = 0;
                for (int i = 0; i < n; i++) {
                    for (int y = 0; y < 28; y++) {
                        for (int x = 0; x < 28; x++) {
                            double sum = b[c];
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int iy = y + ky - 1;
                                    int ix = x + kx - 1;
                                    if (iy >= 0 && iy < 28 && ix >= 0 && ix < 28) {
                                        sum += (double) w[c * 9 + ky * 3 + kx] * xs[i * 784 + iy * 28 + ix];
                                    }
                                }
                            }
                            z[index++] = sum;
                            mean += sum / count;
                        }
                    }
                }
                double squares = 0;
                for (double value : z) {
                    squares += (value - mean) * (value - mean);
                }
                double unbiased = squares / (count - 1);
                assertEquals(0.9 * oldMean[c] + 0.1 * mean, newMean[c], 1e-5, "conv1.bn.running_mean[" + c + "]");
                assertEquals(0.9 * oldVar[c] + 0.1 * unbiased, newVar[c], 1e-5, "conv1.bn.running_var[" + c + "]");
            }
        }
    }

    private static void report(String what, float[] expected, float[] actual) {
        System.out.printf("CnnParityTest %s: max |PyTorch - Lamina| = %.3g%n", what, maxAbsDifference(expected, actual));
    }

    private static Path weightsFile() {
        return resource("weights.safetensors");
    }

    private static Path resource(String name) {
        URL url = CnnParityTest.class.getResource(FIXTURES + name);
        if (url == null) {
            fail("missing test resource " + FIXTURES + name
                    + "; run /usr/bin/python3 runtime/src/test/python/make_cnn_parity_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
