package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MnistCsv;
import dev.lamina.runtime.data.MnistLayout;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The networks, data files and comparisons the training tests share. */
final class TrainingFixtures {

    private TrainingFixtures() {}

    /** A file under src/test/resources/training/. */
    static Path resource(String name) {
        URL url = TrainingFixtures.class.getResource("/training/" + name);
        if (url == null) {
            fail("missing test resource training/" + name
                    + "; see runtime/src/test/resources/training/README.md (parity files come from"
                    + " /usr/bin/python3 runtime/src/test/python/make_training_fixtures.py)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * 784 - Linear 16 - BatchNorm - ReLU - Linear {@code outputs} (or ReLU before BatchNorm): the parity
     * networks of make_training_fixtures.py. Both orders have the same parameters.
     */
    static Architecture parityNetwork(int outputs, boolean reluFirst) {
        LayerSpec batchNorm = new BatchNormSpec(16, 1e-5, 0.1);
        LayerSpec relu = new ReLUSpec();
        return Architecture.builder(outputs == 1 ? "BinaryParity" : "TrainParity", 784)
                .stage("hidden", new LinearSpec(784, 16), reluFirst ? relu : batchNorm, reluFirst ? batchNorm : relu)
                .stage(outputs == 1 ? "logit" : "logits", new LinearSpec(16, outputs))
                .build();
    }

    /** 784 - Linear 32 - BatchNorm - ReLU [- Dropout] - Linear {@code outputs}: small enough for many short runs. */
    static Architecture smallMlp(String name, int outputs, double dropout) {
        return Architecture.builder(name, 784)
                .stage("hidden", new LinearSpec(784, 32), new BatchNormSpec(32, 1e-5, 0.1), new ReLUSpec(),
                        new DropoutSpec(dropout))
                .stage("logits", new LinearSpec(32, outputs))
                .build();
    }

    /** MNIST rows from training/mnist/, pixels / 255, each row remembering its line in the file. */
    static Dataset mnist(String file) throws IOException {
        return mnist(file, MnistLayout.FLAT);
    }

    static Dataset mnist(String file, MnistLayout layout) throws IOException {
        Dataset data = MnistCsv.load(resource("mnist/" + file), layout);
        float[] pixels = data.features();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] /= 255f;
        }
        return data;
    }

    static Map<String, float[]> snapshot(LaminaNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : network.parameterNames()) {
            values.put(name, network.parameter(name).toFloatArray());
        }
        return values;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length, "number of values");
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double difference = Math.abs((double) a[i] - b[i]);
            worst = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(worst, difference);
        }
        return worst;
    }

    /** Asserts |expected - actual| <= tolerance element-wise, reporting the worst element; returns the worst. */
    static double assertAllClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        double worst = 0;
        int worstIndex = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) expected[i] - actual[i]);
            if (Double.isNaN(difference)) {
                difference = Double.POSITIVE_INFINITY;
            }
            if (difference > worst) {
                worst = difference;
                worstIndex = i;
            }
        }
        if (worst > tolerance) {
            fail(String.format("%s: largest difference %.3g > %.1g at index %d (expected %.8f, got %.8f)", what,
                    worst, tolerance, worstIndex, expected[worstIndex], actual[worstIndex]));
        }
        return worst;
    }
}
