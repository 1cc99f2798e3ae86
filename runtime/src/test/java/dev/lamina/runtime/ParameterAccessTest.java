package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/** Parameters are reachable under PyTorch's names, counted like PyTorch, initialised like PyTorch. */
class ParameterAccessTest {

    private static LaminaNetwork network;

    @BeforeAll
    static void create() {
        network = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 11);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void namesAndShapesArePyTorchs() {
        assertEquals(List.of(SeedNetworks.PARAMETER_NAMES), network.parameterNames());
        assertArrayEquals(new long[] {300, 784}, network.parameter("hidden1.weight").getShape().getShape());
        assertArrayEquals(new long[] {300}, network.parameter("hidden1.bias").getShape().getShape());
        assertArrayEquals(new long[] {300, 300}, network.parameter("hidden2.weight").getShape().getShape());
        assertArrayEquals(new long[] {10, 300}, network.parameter("logits.weight").getShape().getShape());
        assertArrayEquals(new long[] {10}, network.parameter("logits.bias").getShape().getShape());
        for (String statistic : new String[] {"weight", "bias", "running_mean", "running_var"}) {
            assertArrayEquals(
                    new long[] {300}, network.parameter("hidden2.bn." + statistic).getShape().getShape(), statistic);
        }
        assertEquals(10, network.outputWidth());
    }

    @Test
    void misspelledNameSuggestsTheClosestOne() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> network.parameter("hidden1.wieght"));
        assertTrue(e.getMessage().contains("Did you mean 'hidden1.weight'"), e.getMessage());
        assertTrue(e.getMessage().contains("MnistMlp"), e.getMessage());

        IllegalArgumentException bn =
                assertThrows(IllegalArgumentException.class, () -> network.parameter("hidden2.bn.running_varr"));
        assertTrue(bn.getMessage().contains("Did you mean 'hidden2.bn.running_var'"), bn.getMessage());

        IllegalArgumentException unrelated =
                assertThrows(IllegalArgumentException.class, () -> network.parameter("conv1"));
        assertFalse(unrelated.getMessage().contains("Did you mean"), unrelated.getMessage());
        assertTrue(unrelated.getMessage().contains("hidden1.weight"), "lists the parameters: " + unrelated.getMessage());
    }

    @Test
    void countsMatchPyTorch() {
        // 784*300+300 + 2*300 + 300*300+300 + 2*300 + 300*10+10
        assertEquals(330_010, network.trainableParameterCount());
        // running_mean and running_var of two BatchNorm layers
        assertEquals(1_200, network.nonTrainableParameterCount());
        assertTrue(network.isTrainable("hidden1.weight"));
        assertTrue(network.isTrainable("hidden1.bn.weight"));
        assertFalse(network.isTrainable("hidden1.bn.running_mean"));
        assertFalse(network.isTrainable("hidden2.bn.running_var"));
    }

    @Test
    void linearInitialisationIsPyTorchs() {
        checkUniform("hidden1.weight", 784, 0.05);
        checkUniform("hidden2.weight", 300, 0.05);
        checkUniform("logits.weight", 300, 0.05);
        // Biases too come from U(-1/sqrt(in), 1/sqrt(in)), not zeros; fewer values, so a looser bound.
        checkUniform("hidden1.bias", 784, 0.2);
        checkUniform("hidden2.bias", 300, 0.2);
    }

    private static void checkUniform(String name, int fanIn, double relativeTolerance) {
        float[] values = network.parameter(name).toFloatArray();
        double bound = 1.0 / Math.sqrt(fanIn);
        double sum = 0;
        for (float value : values) {
            assertTrue(Math.abs(value) <= bound + 1e-7, name + " value " + value + " outside +-" + bound);
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float value : values) {
            squares += (value - mean) * (value - mean);
        }
        double std = Math.sqrt(squares / (values.length - 1));
        double expected = bound / Math.sqrt(3);
        assertEquals(expected, std, expected * relativeTolerance, name + " standard deviation");
        assertEquals(0, mean, 4 * expected / Math.sqrt(values.length), name + " mean");
    }

    @Test
    void batchNormStartsLikePyTorch() {
        for (String stage : new String[] {"hidden1", "hidden2"}) {
            assertAll(stage + ".bn.weight", 1f);
            assertAll(stage + ".bn.bias", 0f);
            assertAll(stage + ".bn.running_mean", 0f);
            assertAll(stage + ".bn.running_var", 1f);
        }
    }

    private static void assertAll(String name, float expected) {
        float[] values = network.parameter(name).toFloatArray();
        float[] wanted = new float[values.length];
        Arrays.fill(wanted, expected);
        assertArrayEquals(wanted, values, name);
    }

    @Test
    void seedMakesInitialisationReproducible() {
        float[] mine = network.parameter("hidden2.weight").toFloatArray();
        try (LaminaNetwork same = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 11);
                LaminaNetwork other = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 12)) {
            assertArrayEquals(mine, same.parameter("hidden2.weight").toFloatArray());
            assertFalse(Arrays.equals(mine, other.parameter("hidden2.weight").toFloatArray()));
        }
    }

    @Test
    void stagesExposeTheirParameterNames() {
        assertEquals("hidden1", network.stage("hidden1").name());
        assertEquals(
                List.of("hidden1.weight", "hidden1.bias", "hidden1.bn.weight", "hidden1.bn.bias",
                        "hidden1.bn.running_mean", "hidden1.bn.running_var"),
                network.stage("hidden1").parameterNames());
        assertEquals(List.of("logits.weight", "logits.bias"), network.stage("logits").parameterNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.stage("hidden3"));
        assertTrue(e.getMessage().contains("hidden3"), e.getMessage());
    }
}
