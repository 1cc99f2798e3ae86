package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The course's seed MNIST network and the PyTorch fixtures written for it, shared by the tests. */
final class SeedNetworks {

    static final String FIXTURES = "/parity/seed-mlp/";

    /** Lamina (= PyTorch state_dict) names of the seed network, in network order. */
    static final String[] PARAMETER_NAMES = {
        "hidden1.weight", "hidden1.bias",
        "hidden1.bn.weight", "hidden1.bn.bias", "hidden1.bn.running_mean", "hidden1.bn.running_var",
        "hidden2.weight", "hidden2.bias",
        "hidden2.bn.weight", "hidden2.bn.bias", "hidden2.bn.running_mean", "hidden2.bn.running_var",
        "logits.weight", "logits.bias",
    };

    private SeedNetworks() {}

    /** 784-300-BN-ReLU-Drop(0.2)-300-BN-ReLU-Drop(0.2)-10. */
    static Architecture mnist() {
        return mlp("MnistMlp", 784, 0.2);
    }

    /** The seed network's layout on {@code inputs} inputs with dropout rate {@code dropout}. */
    static Architecture mlp(String name, long inputs, double dropout) {
        return Architecture.builder(name, inputs)
                .stage("hidden1",
                        new LinearSpec(inputs, 300), new BatchNormSpec(300, 1e-5, 0.1), new ReLUSpec(),
                        new DropoutSpec(dropout))
                .stage("hidden2",
                        new LinearSpec(300, 300), new BatchNormSpec(300, 1e-5, 0.1), new ReLUSpec(),
                        new DropoutSpec(dropout))
                .stage("logits", new LinearSpec(300, 10))
                .build();
    }

    static Path resource(String name) {
        URL url = SeedNetworks.class.getResource(FIXTURES + name);
        if (url == null) {
            fail("missing test resource " + FIXTURES + name
                    + "; run /usr/bin/python3 runtime/src/test/python/make_parity_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Path weightsFile() {
        return resource("weights.safetensors");
    }

    static Map<String, SafeTensors.Tensor> fixture() throws IOException {
        return SafeTensors.read(resource("fixture.safetensors")).tensors();
    }

    /** The rows of a (rows, columns) tensor. */
    static float[][] rows(SafeTensors.Tensor tensor) {
        assertEquals(2, tensor.shape().length, "expected a matrix");
        int rows = (int) tensor.shape()[0];
        int columns = (int) tensor.shape()[1];
        float[][] result = new float[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(tensor.data(), i * columns, result[i], 0, columns);
        }
        return result;
    }

    /** Every parameter's values, by name, to compare before and after an operation. */
    static Map<String, float[]> snapshot(LaminaNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : network.parameterNames()) {
            values.put(name, network.parameter(name).toFloatArray());
        }
        return values;
    }

    static void assertSameParameters(Map<String, float[]> expected, LaminaNetwork network) {
        Map<String, float[]> actual = snapshot(network);
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertTrue(java.util.Arrays.equals(expected.get(name), actual.get(name)), name + " changed");
        }
    }

    /** Asserts element-wise |expected - actual| <= tolerance, reporting the worst element. */
    static void assertAllClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        double worst = -1;
        int worstIndex = -1;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) expected[i] - actual[i]);
            if (Double.isNaN(difference) || difference > worst) {
                worst = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference;
                worstIndex = i;
            }
        }
        if (worst > tolerance) {
            fail(String.format(
                    "%s: largest difference %.3g > %.1g at index %d (expected %.8f, got %.8f)",
                    what, worst, tolerance, worstIndex, expected[worstIndex], actual[worstIndex]));
        }
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
        }
        return worst;
    }
}
