package dev.lamina.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.export.PyTorchExport;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.spec.layers.TanhSpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported model.py of a graph is the same network in PyTorch: graph_export_check.py imports it, loads the
 * file GraphNetwork saved with {@code strict=True} and compares eval outputs with GraphNetwork's within 1e-5.
 * A model.py whose concatenation order is swapped by hand must fail that comparison, so it tells wirings apart.
 *
 * <p>Skipped when {@code /usr/bin/python3} (or {@code -Dlamina.python}) cannot import torch.
 */
class GraphExportTest {

    private static final double TOLERANCE = 1e-5;
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
        assumeTrue(available, "GraphExportTest skipped: " + PYTHON + " cannot import torch; install Debian's"
                + " python3-torch (as CI does) or pass -Dlamina.python=<python with torch>");
    }

    @Test
    void residualMlpSpellsResidualsAndMatchesPyTorch() throws Exception {
        Map<String, Double> differences = exportAndCompare(GraphExamples.residualMlp(), null);
        assertWithin(differences, "eval.logits");
        String source = PyTorchExport.modelSource(GraphExamples.residualMlp());
        assertTrue(source.contains("    def forward(self, x):\n"
                + "        stem = self.stem(x)\n"
                + "        block1 = stem + self.block1(stem)\n"
                + "        block2 = block1 + self.block2(block1)\n"
                + "        logits = self.logits(block2)\n"
                + "        return logits\n"), source);
        assertTrue(source.contains("        self.bn = BatchNorm1d(16, eps=1e-05, momentum=0.1)\n"), source);
        assertEquals(source, PyTorchExport.modelSource(GraphExamples.residualMlp()), "deterministic");
    }

    @Test
    void twoInputsSpellConcatInOrderAndMatchPyTorch() throws Exception {
        assertWithin(exportAndCompare(GraphExamples.twoInputs(), null), "eval.out");
        String source = PyTorchExport.modelSource(GraphExamples.twoInputs());
        assertTrue(source.contains("    def forward(self, fingerprint, descriptors):\n"
                + "        fp = self.fp(fingerprint)\n"
                + "        desc = self.desc(descriptors)\n"
                + "        joint = self.joint(torch.cat([fp, desc], dim=1))\n"
                + "        out = self.out(joint)\n"
                + "        return out\n"), source);
        assertTrue(source.contains("INPUTS = {\"fingerprint\": (64,), \"descriptors\": (5,)}\n"), source);
        // The other order is another network, and the export follows the spec.
        GraphSpec swapped = GraphExamples.twoInputs("desc", "fp");
        assertTrue(PyTorchExport.modelSource(swapped).contains("joint = self.joint(torch.cat([desc, fp], dim=1))\n"));
        assertWithin(exportAndCompare(swapped, null), "eval.out");
    }

    @Test
    void twoHeadsReturnADictInOutputOrderAndMatchPyTorch() throws Exception {
        assertWithin(exportAndCompare(GraphExamples.twoHeads(), null), "eval.a", "eval.b");
        String source = PyTorchExport.modelSource(GraphExamples.twoHeads());
        assertTrue(source.contains("        a = self.a(trunk)\n        b = self.b(trunk)\n"
                + "        return {\"a\": a, \"b\": b}\n"), source);
        assertTrue(source.contains("OUTPUTS = {\"a\": (2,), \"b\": (1,)}\n"), source);
    }

    @Test
    void swappedConcatOrderInModelPyFailsTheComparison() throws Exception {
        String right = "joint = self.joint(torch.cat([fp, desc], dim=1))";
        String wrong = "joint = self.joint(torch.cat([desc, fp], dim=1))";
        Map<String, Double> differences = exportAndCompare(GraphExamples.twoInputs(), source -> {
            assertTrue(source.contains(right), source);
            return source.replace(right, wrong);
        });
        assertTrue(differences.get("eval.out") > 1e-3, "a miswired model.py passed: " + differences);
    }

    @Test
    void namesPythonCannotUseAsTheyAreStillLoadAndRun() throws Exception {
        GraphSpec hostile = new GraphSpec("F", List.of(
                new GraphInput("lambda", dev.lamina.spec.Shape.of(6)),
                new GraphInput("torch", dev.lamina.spec.Shape.of(3))), List.of(
                GraphNode.of("forward", "lambda", new LinearSpec(6, 5), new BatchNormSpec(5, 1e-5, 0.1), new ReLUSpec()),
                GraphNode.of("self", "torch", new LinearSpec(3, 5)),
                new GraphNode("\u00e9", List.of("forward", "self"), Merge.ADD, true,
                        List.of(new LinearSpec(5, 5), new TanhSpec())),
                GraphNode.of("F", null, new LinearSpec(5, 2))),
                List.of("F", "self"));
        String source = PyTorchExport.modelSource(hostile);
        assertEquals("FNetwork", PyTorchExport.moduleClassName(hostile));
        assertTrue(source.contains("    def forward(self, lambda_, torch_):\n"
                + "        forward = self._modules[\"forward\"](lambda_)\n"
                + "        self_ = self.self(torch_)\n"
                + "        v__ = forward + self_\n"
                + "        v__ = v__ + self._modules[\"\u00e9\"](v__)\n"
                + "        F_ = self.F(v__)\n"
                + "        return {\"F\": F_, \"self\": self_}\n"), source);
        assertWithin(exportAndCompare(hostile, null), "eval.F", "eval.self");
    }

    @Test
    void weightFileIsExactlyWhatSaveWrites() throws Exception {
        try (GraphNetwork network = GraphNetwork.create(GraphExamples.residualMlp(), Device.cpu(), 3)) {
            Path export = directory.resolve("nested/export");
            PyTorchExport.write(network, export);
            Path saved = directory.resolve("saved.safetensors");
            network.save(saved);
            assertArrayEquals(Files.readAllBytes(saved), Files.readAllBytes(export.resolve(PyTorchExport.WEIGHTS)));
            assertEquals(PyTorchExport.modelSource(network.spec()),
                    Files.readString(export.resolve(PyTorchExport.MODEL), StandardCharsets.UTF_8));
        }
    }

    private static void assertWithin(Map<String, Double> differences, String... keys) {
        assertEquals(List.of(keys), List.copyOf(differences.keySet()), differences.toString());
        differences.forEach((key, difference) -> assertTrue(difference <= TOLERANCE,
                key + " differs from PyTorch by " + difference + "; all: " + differences));
    }

    /**
     * Builds {@code spec}, moves BatchNorm's running statistics with a few train-mode passes, exports it
     * (changing model.py with {@code edit} when given), and compares eval outputs in PyTorch.
     */
    private Map<String, Double> exportAndCompare(GraphSpec spec, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        Path export = directory.resolve(spec.name() + "-" + System.nanoTime());
        Path check = directory.resolve(spec.name() + "-check.safetensors");
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        Random random = new Random(42);
        try (GraphNetwork network = GraphNetwork.create(spec, Device.cpu(), 11);
                NDManager scope = network.manager().newSubManager()) {
            for (int step = 0; step < 3; step++) {
                Map<String, NDArray> batch = new LinkedHashMap<>();
                for (GraphInput input : spec.inputs()) {
                    batch.put(input.name(), randomArray(scope, random, 16, input.shape().toArray(), 0.5f));
                }
                network.forwardTrain(batch);
            }
            PyTorchExport.write(network, export);
            Map<String, NDArray> inputs = new LinkedHashMap<>();
            for (GraphInput input : spec.inputs()) {
                NDArray array = randomArray(scope, random, 8, input.shape().toArray(), 0f);
                inputs.put(input.name(), array);
                tensors.put("input." + input.name(), tensor(array));
            }
            network.forwardEval(inputs).forEach((name, out) -> tensors.put("eval." + name, tensor(out)));
        }
        if (edit != null) {
            Path model = export.resolve(PyTorchExport.MODEL);
            Files.writeString(model, edit.apply(Files.readString(model, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
        SafeTensors.write(check, Map.of(), tensors);
        String output = run(List.of(PYTHON, script().toString(), export.toString(),
                PyTorchExport.moduleClassName(spec), check.toString()));
        Map<String, Double> differences = new TreeMap<>();
        Matcher matcher = DIFFERENCE.matcher(output);
        while (matcher.find()) {
            differences.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        System.out.println(spec.name() + ": " + differences);
        return differences;
    }

    /** Gaussian values shifted by {@code shift}, so BatchNorm's running mean moves away from 0. */
    private static NDArray randomArray(NDManager manager, Random random, int batch, long[] sample, float shift) {
        long[] shape = new long[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() + shift;
        }
        return manager.create(values, new Shape(shape));
    }

    private static SafeTensors.Tensor tensor(NDArray array) {
        return new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray());
    }

    private Path script() throws IOException {
        Path script = directory.resolve("graph_export_check.py");
        if (!Files.exists(script)) {
            try (InputStream in = GraphExportTest.class.getResourceAsStream("graph_export_check.py")) {
                if (in == null) {
                    fail("graph_export_check.py is not on the test class path next to GraphExportTest");
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
