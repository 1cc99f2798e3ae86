package dev.lamina.runtime;

import static dev.lamina.runtime.SeedNetworks.assertAllClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.SigmoidSpec;
import dev.lamina.spec.layers.SoftmaxSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Outputs, probabilities and classes agree with each other and with the arithmetic. */
class PredictTest {

    @TempDir Path directory;

    @Test
    void multiClassPredictionsAreConsistent() throws IOException {
        Map<String, SafeTensors.Tensor> fixture = SeedNetworks.fixture();
        float[][] samples = SeedNetworks.rows(fixture.get("input"));
        try (LaminaNetwork network = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 1)) {
            network.load(SeedNetworks.weightsFile());

            float[][] outputs = network.predictOutputs(samples);
            float[][] probabilities = network.predictProbabilities(samples);
            int[] classes = network.predictClasses(samples);

            assertEquals(16, outputs.length);
            float[][] reference = SeedNetworks.rows(fixture.get("eval.output"));
            int distinct = (int) java.util.Arrays.stream(classes).distinct().count();
            for (int i = 0; i < samples.length; i++) {
                assertEquals(10, outputs[i].length);
                assertAllClose(reference[i], outputs[i], 1e-5, "predictOutputs row " + i + " vs PyTorch");
                assertEquals(argmax(outputs[i]), classes[i], "class of sample " + i);
                double sum = 0;
                for (float p : probabilities[i]) {
                    assertTrue(p > 0 && p < 1, "probability " + p);
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-5, "row " + i + " sums to 1");
                assertAllClose(softmax(outputs[i]), probabilities[i], 1e-6, "softmax of row " + i);
            }
            assertTrue(distinct > 1, "all 16 samples got the same class; the check would be weak");
        }
    }

    @Test
    void singleOutputUsesSigmoidAndThreshold() throws IOException {
        Architecture architecture = Architecture.builder("Binary", 4).stage("out", new LinearSpec(4, 1)).build();
        float[] w = {1f, -2f, 0.5f, 3f};
        float b = -0.25f;
        float[][] samples = {
            {0.25f, 0f, 0f, 0f}, // logit exactly 0: probability 0.5, class 1
            {1f, 1f, 1f, 1f}, // 2.25
            {0f, 1f, 0f, 0f}, // -2.25
            {0f, 0f, 0f, 0.05f}, // -0.1
            {0.5f, 0f, 0f, 0f}, // 0.25
        };
        float[] logits = {0f, 2.25f, -2.25f, -0.1f, 0.25f};
        int[] expectedClasses = {1, 1, 0, 0, 1};
        Path file = directory.resolve("binary.safetensors");
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("out.weight", new SafeTensors.Tensor(new long[] {1, 4}, w));
        tensors.put("out.bias", new SafeTensors.Tensor(new long[] {1}, new float[] {b}));
        SafeTensors.write(file, Map.of(), tensors);

        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 1)) {
            network.load(file);
            assertEquals(1, network.outputWidth());
            float[][] outputs = network.predictOutputs(samples);
            float[][] probabilities = network.predictProbabilities(samples);
            int[] classes = network.predictClasses(samples);
            for (int i = 0; i < samples.length; i++) {
                assertEquals(1, outputs[i].length);
                assertEquals(logits[i], outputs[i][0], 1e-6, "logit " + i);
                assertEquals(1 / (1 + Math.exp(-outputs[i][0])), probabilities[i][0], 1e-6, "sigmoid " + i);
            }
            assertEquals(0.5f, probabilities[0][0]);
            assertArrayEquals(expectedClasses, classes);
        }
    }

    @Test
    void networkEndingInSigmoidOrSoftmaxIsNotTransformedTwice() {
        Architecture sigmoid =
                Architecture.builder("Sig", 3).stage("out", new LinearSpec(3, 1), new SigmoidSpec()).build();
        Architecture softmax =
                Architecture.builder("Soft", 3).stage("out", new LinearSpec(3, 4), new SoftmaxSpec()).build();
        float[][] samples = {{0.3f, -1.2f, 2f}, {1f, 1f, -0.5f}};
        try (LaminaNetwork a = LaminaNetwork.create(sigmoid, Device.cpu(), 2);
                LaminaNetwork c = LaminaNetwork.create(softmax, Device.cpu(), 2)) {
            float[][] aOut = a.predictOutputs(samples);
            float[][] aProb = a.predictProbabilities(samples);
            float[][] cOut = c.predictOutputs(samples);
            float[][] cProb = c.predictProbabilities(samples);
            int[] cClasses = c.predictClasses(samples);
            int[] aClasses = a.predictClasses(samples);
            for (int i = 0; i < samples.length; i++) {
                assertArrayEquals(aOut[i], aProb[i]);
                assertArrayEquals(cOut[i], cProb[i]);
                assertEquals(argmax(cOut[i]), cClasses[i]);
                assertEquals(aOut[i][0] >= 0.5f ? 1 : 0, aClasses[i]);
                double sum = 0;
                for (float p : cOut[i]) {
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] result = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            result[i] = (float) (e[i] / sum);
        }
        return result;
    }
}
