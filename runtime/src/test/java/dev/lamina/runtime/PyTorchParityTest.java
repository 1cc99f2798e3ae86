package dev.lamina.runtime;

import static dev.lamina.runtime.SeedNetworks.assertAllClose;
import static dev.lamina.runtime.SeedNetworks.maxAbsDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.io.SafeTensors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * The seed network gives PyTorch's numbers (fixtures from src/test/python/make_parity_fixtures.py):
 * Linear layout, BatchNorm in eval mode (running statistics, gamma, beta, eps) and in train mode (batch
 * statistics, momentum convention, unbiased running variance).
 */
class PyTorchParityTest {

    private static final double TOLERANCE = 1e-5;

    private static Map<String, SafeTensors.Tensor> fixture;
    private static SafeTensors.Tensor input;

    @BeforeAll
    static void readFixtures() throws IOException {
        fixture = SeedNetworks.fixture();
        input = fixture.get("input");
        assertArrayEquals(new long[] {16, 784}, input.shape());
    }

    @Test
    void weightFileWrittenByPyTorchHasLaminaNames() throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(SeedNetworks.weightsFile());
        try (LaminaNetwork network = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 1)) {
            assertEquals(network.parameterNames(), java.util.List.copyOf(contents.tensors().keySet()));
            for (String name : network.parameterNames()) {
                assertArrayEquals(
                        network.parameter(name).getShape().getShape(), contents.tensors().get(name).shape(), name);
            }
        }
    }

    @Test
    void evalModeMatchesPyTorch() throws IOException {
        try (LaminaNetwork network = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 1);
                NDManager scope = network.manager().newSubManager()) {
            NDArray x = scope.create(input.data(), new Shape(input.shape()));
            float[] before = network.forwardEval(x).toFloatArray();

            network.load(SeedNetworks.weightsFile());
            Map<String, float[]> loaded = SeedNetworks.snapshot(network);
            NDArray output = network.forwardEval(x);

            float[] expected = fixture.get("eval.output").data();
            assertArrayEquals(new long[] {16, 10}, output.getShape().getShape());
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
        // Same parameter names as the seed network, but Dropout off: its random mask cannot match PyTorch's.
        try (LaminaNetwork network =
                        LaminaNetwork.create(SeedNetworks.mlp("MnistMlp", 784, 0.0), Device.cpu(), 1);
                NDManager scope = network.manager().newSubManager()) {
            network.load(SeedNetworks.weightsFile());
            Map<String, float[]> loaded = SeedNetworks.snapshot(network);
            NDArray x = scope.create(input.data(), new Shape(input.shape()));

            NDArray output = network.forwardTrain(x);

            assertAllClose(fixture.get("train.output").data(), output.toFloatArray(), TOLERANCE, "train.output");
            for (String stage : new String[] {"hidden1", "hidden2"}) {
                for (String statistic : new String[] {"running_mean", "running_var"}) {
                    String name = stage + ".bn." + statistic;
                    float[] expected = fixture.get("train." + name).data();
                    float[] actual = network.parameter(name).toFloatArray();
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
    void runningStatisticsFollowPyTorchFormula() throws IOException {
        // Independent of the fixture's numbers: new = (1 - 0.1) * old + 0.1 * batch statistic, with the
        // unbiased variance of the batch, computed here in double from hidden1's pre-activations.
        try (LaminaNetwork network =
                        LaminaNetwork.create(SeedNetworks.mlp("MnistMlp", 784, 0.0), Device.cpu(), 1);
                NDManager scope = network.manager().newSubManager()) {
            network.load(SeedNetworks.weightsFile());
            float[] w = network.parameter("hidden1.weight").toFloatArray();
            float[] b = network.parameter("hidden1.bias").toFloatArray();
            float[] oldMean = network.parameter("hidden1.bn.running_mean").toFloatArray();
            float[] oldVar = network.parameter("hidden1.bn.running_var").toFloatArray();
            int n = (int) input.shape()[0];
            float[] xs = input.data();

            network.forwardTrain(scope.create(xs, new Shape(input.shape())));

            float[] newMean = network.parameter("hidden1.bn.running_mean").toFloatArray();
            float[] newVar = network.parameter("hidden1.bn.running_var").toFloatArray();
            for (int j = 0; j < 300; j++) {
                double[] z = new double[n];
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    double sum = b[j];
                    for (int k = 0; k < 784; k++) {
                        sum += (double) w[j * 784 + k] * xs[i * 784 + k];
                    }
                    z[i] = sum;
                    mean += sum / n;
                }
                double squares = 0;
                for (double value : z) {
                    squares += (value - mean) * (value - mean);
                }
                double unbiased = squares / (n - 1);
                assertEquals(0.9 * oldMean[j] + 0.1 * mean, newMean[j], 1e-5, "running_mean[" + j + "]");
                assertEquals(0.9 * oldVar[j] + 0.1 * unbiased, newVar[j], 1e-5, "running_var[" + j + "]");
            }
        }
    }
}
