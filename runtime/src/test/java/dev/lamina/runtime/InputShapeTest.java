package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A wrongly shaped input is rejected in Java, naming the network and both shapes. */
class InputShapeTest {

    private static LaminaNetwork network;

    @BeforeAll
    static void create() {
        network = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 1);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void wrongFeatureCountNamesNetworkAndBothShapes() {
        try (NDManager scope = network.manager().newSubManager()) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> network.forwardEval(scope.zeros(new Shape(32, 783))));
            assertTrue(e.getMessage().contains("MnistMlp"), e.getMessage());
            assertTrue(e.getMessage().contains("(N, 784)"), e.getMessage());
            assertTrue(e.getMessage().contains("(32, 783)"), e.getMessage());
            assertFalse(e.getMessage().contains("batch dimension"), e.getMessage());

            IllegalArgumentException train = assertThrows(
                    IllegalArgumentException.class, () -> network.forwardTrain(scope.zeros(new Shape(32, 783))));
            assertEquals(e.getMessage(), train.getMessage());
        }
    }

    @Test
    void oneSampleWithoutBatchDimensionGetsAHint() {
        try (NDManager scope = network.manager().newSubManager()) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> network.forwardEval(scope.zeros(new Shape(784))));
            assertTrue(e.getMessage().contains("(N, 784)"), e.getMessage());
            assertTrue(e.getMessage().contains("(784)"), e.getMessage());
            assertTrue(e.getMessage().contains("missing the batch dimension"), e.getMessage());
        }
    }

    @Test
    void extraDimensionAndEmptyBatchAreRejected() {
        try (NDManager scope = network.manager().newSubManager()) {
            IllegalArgumentException extra = assertThrows(
                    IllegalArgumentException.class, () -> network.forwardEval(scope.zeros(new Shape(8, 1, 784))));
            assertTrue(extra.getMessage().contains("(8, 1, 784)"), extra.getMessage());

            IllegalArgumentException empty = assertThrows(
                    IllegalArgumentException.class, () -> network.forwardEval(scope.zeros(new Shape(0, 784))));
            assertTrue(empty.getMessage().contains("empty batch"), empty.getMessage());
        }
    }

    @Test
    void rightShapeIsAccepted() {
        try (NDManager scope = network.manager().newSubManager()) {
            assertEquals(new Shape(32, 10), network.forwardEval(scope.ones(new Shape(32, 784))).getShape());
            assertEquals(new Shape(1, 10), network.forwardEval(scope.ones(new Shape(1, 784))).getShape());
        }
    }

    @Test
    void predictRejectsRowOfWrongLength() {
        float[][] samples = {new float[784], new float[783]};
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> network.predictOutputs(samples));
        assertTrue(e.getMessage().contains("MnistMlp"), e.getMessage());
        assertTrue(e.getMessage().contains("784"), e.getMessage());
        assertTrue(e.getMessage().contains("sample 1 has 783"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> network.predictClasses(new float[][] {new float[785]}));
        assertThrows(
                IllegalArgumentException.class, () -> network.predictProbabilities(new float[][] {new float[0]}));
    }
}
