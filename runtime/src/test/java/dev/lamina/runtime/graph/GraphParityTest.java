package dev.lamina.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.OneDnnConvolutions;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphSpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph networks give PyTorch's numbers: graph_parity.py builds the same three networks in torch with a
 * hand-written {@code forward}, loads the weights GraphNetwork saved and compares eval outputs, train-mode
 * outputs, the gradient of every parameter of a scalar loss (train mode, so BatchNorm's batch statistics are
 * in the gradient) and BatchNorm's running statistics after that pass. A deliberately miswired torch forward
 * must fail the same comparison, so the check can tell wirings apart.
 *
 * <p>Skipped when {@code /usr/bin/python3} (or {@code -Dlamina.python}) cannot import torch; CI installs
 * Debian's python3-torch, so there it runs.
 */
class GraphParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final int BATCH = 6;
    private static final String PYTHON = System.getProperty("lamina.python", "/usr/bin/python3");
    private static final Pattern DIFFERENCE = Pattern.compile("(?m)^max_abs_difference (\\S+) (\\S+)$");

    @TempDir Path directory;

    @BeforeAll
    static void requireTorch() throws IOException, InterruptedException {
        boolean available = false;
        if (Files.isExecutable(Path.of(PYTHON))) {
            Process process = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            available = process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        assumeTrue(available, "GraphParityTest skipped: " + PYTHON + " cannot import torch; install Debian's"
                + " python3-torch (as CI does) or pass -Dlamina.python=<python with torch>");
    }

    @Test
    void residualMlpMatchesPyTorch() throws Exception {
        assertWithinTolerance(compare(GraphExamples.residualMlp(), "graph"), 10, 2);
    }

    @Test
    void twoInputsMatchPyTorch() throws Exception {
        assertWithinTolerance(compare(GraphExamples.twoInputs(), "graph"), 8, 0);
    }

    @Test
    void twoHeadsMatchPyTorch() throws Exception {
        assertWithinTolerance(compare(GraphExamples.twoHeads(), "graph"), 6, 0);
    }

    @Test
    void miswiredTorchForwardsFailTheComparison() throws Exception {
        assertTrue(compare(GraphExamples.residualMlp(), "miswired").get("eval.logits") > 1e-3);
        assertTrue(compare(GraphExamples.twoInputs(), "miswired").get("eval.out") > 1e-3);
        Map<String, Double> heads = compare(GraphExamples.twoHeads(), "miswired");
        assertTrue(heads.get("eval.b") > 1e-3, heads.toString());
        assertTrue(heads.get("eval.a") <= TOLERANCE, "head a is wired alike on both sides: " + heads);
    }

    /** Every output, gradient and running statistic compared, and every difference within the tolerance. */
    private static void assertWithinTolerance(Map<String, Double> differences, int parameters, int runningStats) {
        long grads = differences.keySet().stream().filter(k -> k.startsWith("grad.")).count();
        long after = differences.keySet().stream().filter(k -> k.startsWith("after.")).count();
        assertEquals(parameters, grads, "gradients compared: " + differences.keySet());
        assertEquals(runningStats, after, "running statistics compared: " + differences.keySet());
        differences.forEach((key, difference) ->
                assertTrue(difference <= TOLERANCE, key + " differs from PyTorch by " + difference + "; all: "
                        + differences));
    }

    /**
     * Runs {@code spec} in Lamina (eval, then one train-mode pass with gradients) and in torch; the maximum
     * absolute difference of every tensor graph_parity.py compared, by key. Every key Lamina wrote must have
     * been compared.
     */
    private Map<String, Double> compare(GraphSpec spec, String wiring) throws Exception {
        Path weights = directory.resolve(spec.name() + ".safetensors");
        Path check = directory.resolve(spec.name() + "-check.safetensors");
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        Random random = new Random(42);
        try (GraphNetwork network = GraphNetwork.create(spec, Device.cpu(), 7);
                NDManager scope = network.manager().newSubManager()) {
            network.save(weights);
            Map<String, NDArray> inputs = new LinkedHashMap<>();
            for (GraphInput input : spec.inputs()) {
                NDArray array = randomArray(scope, random, BATCH, input.shape().toArray());
                inputs.put(input.name(), array);
                tensors.put("input." + input.name(), tensor(array));
            }
            network.forwardEval(inputs).forEach((name, out) -> tensors.put("eval." + name, tensor(out)));
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                Map<String, NDArray> outputs = network.forwardTrain(inputs);
                NDArray loss = null;
                for (Map.Entry<String, NDArray> output : outputs.entrySet()) {
                    NDArray lossWeight = randomArray(scope, random, output.getValue().getShape().getShape());
                    tensors.put("lossweight." + output.getKey(), tensor(lossWeight));
                    tensors.put("train." + output.getKey(), tensor(output.getValue()));
                    NDArray term = output.getValue().mul(lossWeight).sum();
                    loss = loss == null ? term : loss.add(term);
                }
                OneDnnConvolutions.backward(collector, loss);
            }
            Map<String, NDArray> trainable = network.trainableArrays();
            network.parameters().forEach((name, array) -> tensors.put(
                    (trainable.containsKey(name) ? "grad." : "after.") + name,
                    tensor(trainable.containsKey(name) ? array.getGradient() : array)));
        }
        SafeTensors.write(check, Map.of(), tensors);
        String output = run(List.of(PYTHON, script().toString(), spec.name(), weights.toString(), check.toString(),
                wiring));
        Map<String, Double> differences = new TreeMap<>();
        Matcher matcher = DIFFERENCE.matcher(output);
        while (matcher.find()) {
            differences.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        List<String> unchecked = new ArrayList<>();
        for (String key : tensors.keySet()) {
            if (!key.startsWith("input.") && !key.startsWith("lossweight.") && !differences.containsKey(key)) {
                unchecked.add(key);
            }
        }
        assertEquals(List.of(), unchecked, "graph_parity.py did not compare these; its output:\n" + output);
        return differences;
    }

    private static NDArray randomArray(NDManager manager, Random random, long... shape) {
        long size = new Shape(shape).size();
        float[] values = new float[Math.toIntExact(size)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, new Shape(shape));
    }

    private static NDArray randomArray(NDManager manager, Random random, int batch, long[] sample) {
        long[] shape = new long[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return randomArray(manager, random, shape);
    }

    private static SafeTensors.Tensor tensor(NDArray array) {
        return new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray());
    }

    /** graph_parity.py, copied out of the test class path so Python can run it. */
    private Path script() throws IOException {
        Path script = directory.resolve("graph_parity.py");
        if (!Files.exists(script)) {
            try (InputStream in = GraphParityTest.class.getResourceAsStream("graph_parity.py")) {
                if (in == null) {
                    fail("graph_parity.py is not on the test class path next to GraphParityTest");
                }
                Files.copy(in, script);
            }
        }
        return script;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command + "\n" + output);
        }
        assertEquals(0, process.exitValue(), "failed: " + String.join(" ", command) + "\n" + output);
        return output;
    }
}
