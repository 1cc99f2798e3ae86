package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The examples compile through the processor and their generated networks run on DJL's CPU engine. */
class ExampleNetworksTest {

    @Test
    void mnistMlpRunsForwardInBothModes() {
        try (MnistMlpNetwork network = new MnistMlpNetwork(Device.cpu(), 7);
                NDManager manager = network.network().manager().newSubManager()) {
            NDArray batch = manager.randomUniform(0, 1, new Shape(32, 784));
            assertEquals(new Shape(32, 10), network.forwardEval(batch).getShape());
            assertEquals(new Shape(32, 10), network.forwardTrain(batch).getShape());
            // Eval mode is deterministic; train mode drops different units each time.
            assertArrayEquals(network.forwardEval(batch).toFloatArray(), network.forwardEval(batch).toFloatArray());
            assertNotEquals(network.forwardTrain(batch).toFloatArray()[0], network.forwardTrain(batch).toFloatArray()[0]);
        }
    }

    @Test
    void mnistMlpSummaryMatchesTheSeedNetwork() {
        assertEquals(330_010L, MnistMlpNetwork.TRAINABLE_PARAMETERS);
        assertEquals(1_200L, MnistMlpNetwork.NON_TRAINABLE_PARAMETERS);
        assertTrue(MnistMlpNetwork.SUMMARY.contains("Trainable params: 330,010"), MnistMlpNetwork.SUMMARY);
        try (MnistMlpNetwork network = new MnistMlpNetwork()) {
            assertEquals(MnistMlpNetwork.TRAINABLE_PARAMETERS, network.network().trainableParameterCount());
            assertEquals(MnistMlpNetwork.NON_TRAINABLE_PARAMETERS, network.network().nonTrainableParameterCount());
        }
    }

    @Test
    void stageFieldsAreAssignedAndParametersAreNamedByMember() {
        try (MnistMlpNetwork network = new MnistMlpNetwork()) {
            assertEquals("hidden1", network.hidden1.name());
            assertEquals(
                    List.of("hidden1.weight", "hidden1.bias", "hidden1.bn.weight", "hidden1.bn.bias",
                            "hidden1.bn.running_mean", "hidden1.bn.running_var"),
                    network.hidden1.parameterNames());
            assertEquals(new Shape(300, 784), network.parameter("hidden1.weight").getShape());
            assertEquals(new Shape(10), network.parameter("logits.bias").getShape());
        }
    }

    @Test
    void wrongInputWidthIsRejectedBeforeNativeCode() {
        try (MnistMlpNetwork network = new MnistMlpNetwork();
                NDManager manager = network.network().manager().newSubManager()) {
            NDArray wrong = manager.zeros(new Shape(4, 2048));
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> network.forwardEval(wrong));
            assertEquals("MnistMlp expects input of shape (N, 784), got (4, 2048)", error.getMessage());
        }
    }

    @Test
    void tox21NetworkGivesOneLogitAndBinaryPredictions() {
        assertEquals(2048L * 300 + 300 + 600 + 300L * 100 + 100 + 200 + 100 + 1, Tox21SrMmpNetwork.TRAINABLE_PARAMETERS);
        try (Tox21SrMmpNetwork network = new Tox21SrMmpNetwork(Device.cpu(), 3)) {
            float[][] fingerprints = new float[5][2048];
            for (int i = 0; i < fingerprints.length; i++) {
                for (int bit = i; bit < 2048; bit += 37 + i) {
                    fingerprints[i][bit] = 1;
                }
            }
            float[][] probabilities = network.predictProbabilities(fingerprints);
            int[] classes = network.predict(fingerprints);
            for (int i = 0; i < fingerprints.length; i++) {
                assertEquals(1, probabilities[i].length);
                assertTrue(probabilities[i][0] > 0 && probabilities[i][0] < 1);
                assertEquals(probabilities[i][0] >= 0.5f ? 1 : 0, classes[i]);
            }
        }
    }

    @Test
    void mnistPredictReturnsTheMostProbableClass() {
        try (MnistMlpNetwork network = new MnistMlpNetwork(Device.cpu(), 11)) {
            float[][] images = new float[3][784];
            for (int i = 0; i < images.length; i++) {
                for (int p = 0; p < 784; p += 1 + i) {
                    images[i][p] = (p % 255) / 255f;
                }
            }
            float[][] probabilities = network.predictProbabilities(images);
            int[] classes = network.predict(images);
            for (int i = 0; i < images.length; i++) {
                float sum = 0;
                int best = 0;
                for (int c = 0; c < 10; c++) {
                    sum += probabilities[i][c];
                    best = probabilities[i][c] > probabilities[i][best] ? c : best;
                }
                assertEquals(1f, sum, 1e-5f);
                assertEquals(best, classes[i]);
            }
        }
    }
}
