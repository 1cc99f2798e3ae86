package dev.lamina.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.IncompatibleParametersException;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The wiring on its own, without PyTorch: merges and residual connections compute what they say, the order of
 * a concat matters, parameters save and load by name, and inputs are checked before they reach native code.
 */
class GraphNetworkTest {

    private static final int SEED = 7;

    @TempDir Path directory;

    private static NDArray random(NDManager manager, Random random, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, new Shape(shape));
    }

    private static Map<String, NDArray> twoInputs(NDManager manager) {
        Random random = new Random(3);
        Map<String, NDArray> inputs = new LinkedHashMap<>();
        inputs.put("fingerprint", random(manager, random, 5, 64));
        inputs.put("descriptors", random(manager, random, 5, 5));
        return inputs;
    }

    private static float maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    void swappingTheConcatOrderChangesTheOutputsAndSavedParametersReloadExactly() throws Exception {
        Path file = directory.resolve("two-inputs.safetensors");
        try (GraphNetwork original = GraphNetwork.create(GraphExamples.twoInputs(), Device.cpu(), SEED);
                GraphNetwork same = GraphNetwork.create(GraphExamples.twoInputs(), Device.cpu(), SEED + 1);
                GraphNetwork swapped = GraphNetwork.create(GraphExamples.twoInputs("desc", "fp"), Device.cpu(), SEED + 1);
                NDManager scope = original.manager().newSubManager()) {
            original.save(file);
            same.load(file);
            swapped.load(file);
            Map<String, NDArray> inputs = twoInputs(scope);
            NDArray expected = original.forwardEval(inputs).get("out");

            assertArrayEquals(expected.toFloatArray(), same.forwardEval(inputs).get("out").toFloatArray());
            float difference = maxDifference(expected, swapped.forwardEval(inputs).get("out"));
            assertTrue(difference > 1e-3, "concat(desc, fp) gave concat(fp, desc)'s outputs: " + difference);
        }
    }

    @Test
    void residualAddsTheInputToTheLayersOutput() {
        GraphSpec spec = new GraphSpec("Residual", List.of(new GraphInput("x", dev.lamina.spec.Shape.of(4))),
                List.of(new GraphNode("r", List.of(), Merge.NONE, true, List.of(new LinearSpec(4, 4)))), List.of("r"));
        try (GraphNetwork network = GraphNetwork.create(spec, Device.cpu(), SEED);
                NDManager scope = network.manager().newSubManager()) {
            NDArray x = random(scope, new Random(1), 3, 4);
            NDArray expected = x.add(x.matMul(network.parameter("r.weight").transpose()).add(network.parameter("r.bias")));

            assertTrue(maxDifference(expected, network.forwardEval(Map.of("x", x)).get("r")) < 1e-6);
        }
    }

    @Test
    void addSumsItsSourcesBeforeTheLayers() {
        GraphSpec spec = new GraphSpec("Sum", List.of(new GraphInput("x", dev.lamina.spec.Shape.of(4))), List.of(
                GraphNode.of("a", "x", new LinearSpec(4, 3)),
                GraphNode.of("b", "x", new LinearSpec(4, 3)),
                new GraphNode("sum", List.of("a", "b"), Merge.ADD, false, List.of(new ReLUSpec()))),
                List.of("sum", "a"));
        try (GraphNetwork network = GraphNetwork.create(spec, Device.cpu(), SEED);
                NDManager scope = network.manager().newSubManager()) {
            NDArray x = random(scope, new Random(1), 3, 4);
            NDArray a = x.matMul(network.parameter("a.weight").transpose()).add(network.parameter("a.bias"));
            NDArray b = x.matMul(network.parameter("b.weight").transpose()).add(network.parameter("b.bias"));
            Map<String, NDArray> outputs = network.forwardEval(Map.of("x", x));

            assertEquals(List.of("sum", "a"), List.copyOf(outputs.keySet()));
            assertTrue(maxDifference(a.add(b).maximum(0f), outputs.get("sum")) < 1e-6);
            assertTrue(maxDifference(a, outputs.get("a")) < 1e-6);
        }
    }

    @Test
    void parametersAreNamedByNode() {
        try (GraphNetwork network = GraphNetwork.create(GraphExamples.residualMlp(), Device.cpu(), SEED)) {
            assertEquals(List.of("stem.weight", "stem.bias", "block1.weight", "block1.bias", "block1.bn.weight",
                    "block1.bn.bias", "block1.bn.running_mean", "block1.bn.running_var", "block2.weight",
                    "block2.bias", "logits.weight", "logits.bias"), network.parameterNames());
            assertEquals(10, network.trainableArrays().size());
            assertEquals("ResidualMlp has no parameter 'block1.wieght'. Did you mean 'block1.weight'? Parameters: "
                    + network.parameterNames(), assertThrows(IllegalArgumentException.class,
                            () -> network.parameter("block1.wieght")).getMessage());
        }
    }

    @Test
    void inputsAreCheckedByNameShapeAndBatch() {
        try (GraphNetwork network = GraphNetwork.create(GraphExamples.twoInputs(), Device.cpu(), SEED);
                NDManager scope = network.manager().newSubManager()) {
            Map<String, NDArray> inputs = twoInputs(scope);
            NDArray fingerprint = inputs.get("fingerprint");

            assertEquals("TwoInputs needs input 'descriptors' (N, 5); given [fingerprint]",
                    message(network, Map.of("fingerprint", fingerprint)));
            assertEquals("TwoInputs has no input 'fingerprints'; did you mean 'fingerprint'? Inputs: [fingerprint,"
                    + " descriptors]", message(network, Map.of("fingerprints", fingerprint)));
            assertEquals("TwoInputs expects input 'descriptors' of shape (N, 5), got (5, 64)",
                    message(network, Map.of("fingerprint", fingerprint, "descriptors", fingerprint)));
            assertEquals("TwoInputs: inputs have different batch sizes 5 and 2 ('descriptors')", message(network,
                    Map.of("fingerprint", fingerprint, "descriptors", inputs.get("descriptors").get("0:2"))));
        }
    }

    private static String message(GraphNetwork network, Map<String, NDArray> inputs) {
        return assertThrows(IllegalArgumentException.class, () -> network.forwardEval(inputs)).getMessage();
    }

    @Test
    void anInvalidGraphIsNotBuiltAndEveryProblemIsSaid() {
        GraphSpec spec = new GraphSpec("Broken", List.of(new GraphInput("x", dev.lamina.spec.Shape.of(4))), List.of(
                GraphNode.of("a", "x", new LinearSpec(5, 3)),
                GraphNode.of("b", "a", new ReLUSpec())),
                List.of("b", "c"));
        assertEquals("Broken is not a valid graph:\na: Linear(5, 3) expects 5 input features, got (N, 4)\n"
                + "output \"c\" is no stage; did you mean \"a\"?",
                assertThrows(IllegalArgumentException.class, () -> GraphNetwork.create(spec)).getMessage());
    }

    @Test
    void loadingAnotherGraphsParametersIsRefusedByName() throws Exception {
        Path file = directory.resolve("heads.safetensors");
        try (GraphNetwork heads = GraphNetwork.create(GraphExamples.twoHeads(), Device.cpu(), SEED);
                GraphNetwork mlp = GraphNetwork.create(GraphExamples.residualMlp(), Device.cpu(), SEED)) {
            heads.save(file);
            IncompatibleParametersException e =
                    assertThrows(IncompatibleParametersException.class, () -> mlp.load(file));
            // Refused at the header's first foreign name, before any data is read.
            assertEquals("Cannot load " + file + " into ResidualMlp: the file holds parameter 'trunk.weight', which"
                    + " ResidualMlp does not have", e.getMessage());
        }
    }
}
