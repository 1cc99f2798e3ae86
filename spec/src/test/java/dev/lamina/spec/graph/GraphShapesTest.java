package dev.lamina.spec.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.spec.Shape;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ParameterSpec;
import dev.lamina.spec.layers.ReLUSpec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Shapes through valid graphs, and each kind of wiring mistake with its exact message. */
class GraphShapesTest {

    private static final GraphInput X = new GraphInput("x", Shape.of(32));

    private static GraphNode node(String name, List<String> from, Merge merge, LayerSpec... layers) {
        return new GraphNode(name, from, merge, false, List.of(layers));
    }

    private static GraphNode residual(String name, LayerSpec... layers) {
        return new GraphNode(name, List.of(), Merge.NONE, true, List.of(layers));
    }

    private static List<String> messages(GraphSpec graph) {
        return GraphShapes.infer(graph).problems().stream().map(GraphProblem::message).toList();
    }

    static GraphSpec residualMlp(long blockOut) {
        return new GraphSpec("ResidualMlp", List.of(X), List.of(
                GraphNode.of("stem", null, new LinearSpec(32, 16), new ReLUSpec()),
                residual("block1", new LinearSpec(16, blockOut), new BatchNormSpec(blockOut, 1e-5, 0.1), new ReLUSpec()),
                GraphNode.of("logits", null, new LinearSpec(16, 4))),
                List.of("logits"));
    }

    static GraphSpec twoInputs(List<String> concat, long jointIn) {
        return new GraphSpec("TwoInputs",
                List.of(new GraphInput("fingerprint", Shape.of(64)), new GraphInput("descriptors", Shape.of(5))),
                List.of(
                        GraphNode.of("fp", "fingerprint", new LinearSpec(64, 16), new ReLUSpec()),
                        GraphNode.of("desc", "descriptors", new LinearSpec(5, 4), new ReLUSpec()),
                        node("joint", concat, Merge.CONCAT, new LinearSpec(jointIn, 8), new ReLUSpec()),
                        GraphNode.of("out", null, new LinearSpec(8, 3))),
                List.of("out"));
    }

    @Test
    void residualMlpKeepsItsWidth() {
        GraphShapes shapes = GraphShapes.infer(residualMlp(16));
        assertTrue(shapes.isValid(), shapes.problems().toString());
        assertEquals(Map.of("stem", Shape.of(16), "block1", Shape.of(16), "logits", Shape.of(4)), shapes.shapes());
        assertEquals(List.of("stem", "block1", "logits"), List.copyOf(shapes.shapes().keySet()));
    }

    @Test
    void concatSumsTheFeatures() {
        GraphShapes shapes = GraphShapes.infer(twoInputs(List.of("fp", "desc"), 20));
        assertTrue(shapes.isValid(), shapes.problems().toString());
        assertEquals(Shape.of(8), shapes.shape("joint"));
        assertEquals(Shape.of(3), shapes.shape("out"));
    }

    @Test
    void twoHeadsAreBothOutputs() {
        GraphSpec graph = new GraphSpec("TwoHeads", List.of(new GraphInput("x", Shape.of(24))), List.of(
                GraphNode.of("trunk", null, new LinearSpec(24, 12), new ReLUSpec()),
                GraphNode.of("a", "trunk", new LinearSpec(12, 2)),
                GraphNode.of("b", "trunk", new LinearSpec(12, 1))),
                List.of("a", "b"));
        GraphShapes shapes = GraphShapes.infer(graph);
        assertTrue(shapes.isValid(), shapes.problems().toString());
        assertEquals(Shape.of(1), shapes.shape("b"));
    }

    @Test
    void parametersAreNamedByNodeAsStagesAre() {
        List<String> names = residualMlp(16).parameters().stream().map(ParameterSpec::name).toList();
        assertEquals(List.of("stem.weight", "stem.bias", "block1.weight", "block1.bias", "block1.bn.weight",
                "block1.bn.bias", "block1.bn.running_mean", "block1.bn.running_var", "logits.weight", "logits.bias"),
                names);
    }

    @Test
    void residualThatChangesTheWidthNamesBothShapesAndTheFix() {
        GraphSpec graph = new GraphSpec("R", List.of(X), List.of(
                GraphNode.of("stem", null, new LinearSpec(32, 256), new ReLUSpec()),
                residual("block1", new LinearSpec(256, 128), new ReLUSpec()),
                GraphNode.of("logits", null, new LinearSpec(128, 10))),
                List.of("logits"));
        assertEquals(List.of("block1: @Residual adds its input (N, 256) to its layers' output (N, 128); make the last"
                + " @Linear out = 256"), messages(graph));
    }

    @Test
    void unknownSourceSuggestsTheClosestName() {
        assertEquals(List.of("joint: @Concat({\"fpp\", \"desc\"}) names fpp, which is no input or stage; did you mean"
                + " \"fp\"?"), messages(twoInputs(List.of("fpp", "desc"), 20)));
    }

    @Test
    void unknownSourceWithNothingCloseListsTheNames() {
        GraphSpec graph = new GraphSpec("G", List.of(X), List.of(GraphNode.of("a", "somethingElse", new ReLUSpec())),
                List.of("a"));
        assertEquals(List.of("a: @From(\"somethingElse\") names somethingElse, which is no input or stage; inputs and"
                + " stages: [x]", "input x: no stage reads it; read it with @From(\"x\") or remove it"),
                messages(graph));
    }

    @Test
    void cycleIsNamed() {
        GraphSpec graph = new GraphSpec("G", List.of(X), List.of(
                GraphNode.of("a", "x", new ReLUSpec()),
                GraphNode.of("b", "c", new ReLUSpec()),
                GraphNode.of("c", "b", new ReLUSpec())),
                List.of("a", "c"));
        assertEquals(List.of("b: @From(\"c\") reads c, which comes later; b -> c -> b is a cycle: break it"),
                messages(graph));
    }

    @Test
    void forwardReferenceWithoutCycleSaysToMoveTheSource() {
        GraphSpec graph = new GraphSpec("G", List.of(X), List.of(
                GraphNode.of("a", "b", new ReLUSpec()),
                GraphNode.of("b", "x", new ReLUSpec())),
                List.of("a"));
        assertEquals(List.of("a: @From(\"b\") reads b, which comes later; move b above a"), messages(graph));
    }

    @Test
    void nodeReadingItself() {
        GraphSpec graph = new GraphSpec("G", List.of(X), List.of(GraphNode.of("a", "a", new ReLUSpec())),
                List.of("a"));
        assertEquals(List.of("a: @From(\"a\") reads itself; a stage reads only inputs and the stages above it",
                "input x: no stage reads it; read it with @From(\"x\") or remove it"), messages(graph));
    }

    @Test
    void addOfDifferentShapesNamesBoth() {
        GraphSpec graph = new GraphSpec("G", List.of(X), List.of(
                GraphNode.of("a", "x", new LinearSpec(32, 16)),
                GraphNode.of("b", "x", new LinearSpec(32, 8)),
                node("sum", List.of("a", "b"), Merge.ADD, new ReLUSpec())),
                List.of("sum"));
        assertEquals(List.of("sum: @Add({\"a\", \"b\"}) sums a (N, 16) and b (N, 8), which differ; make b's output"
                + " (N, 16)"), messages(graph));
    }

    @Test
    void concatOfImagesAsksForFlatten() {
        GraphSpec graph = new GraphSpec("G",
                List.of(new GraphInput("image", Shape.of(1, 8, 8)), new GraphInput("v", Shape.of(3))),
                List.of(
                        GraphNode.of("conv", "image", new Conv2dSpec(1, 2, 3, 1, 1, 1)),
                        node("joint", List.of("conv", "v"), Merge.CONCAT, new ReLUSpec())),
                List.of("joint"));
        assertEquals(List.of("joint: @Concat({\"conv\", \"v\"}) joins flat features, but conv is (N, 2, 8, 8); end"
                + " conv with @Flatten"), messages(graph));
    }

    @Test
    void layerThatDoesNotFitItsMergedInputIsNamedWithItsStage() {
        assertEquals(List.of("joint: Linear(21, 8) expects 21 input features, got (N, 20)"),
                messages(twoInputs(List.of("fp", "desc"), 21)));
    }

    @Test
    void unusedNodeAndUnreadInput() {
        GraphSpec graph = new GraphSpec("G",
                List.of(X, new GraphInput("extra", Shape.of(2))),
                List.of(
                        GraphNode.of("a", "x", new LinearSpec(32, 4)),
                        GraphNode.of("side", "a", new ReLUSpec()),
                        GraphNode.of("head", "a", new LinearSpec(4, 1))),
                List.of("head"));
        assertEquals(List.of("input extra: no stage reads it; read it with @From(\"extra\") or remove it",
                "side is unused: no stage reads it and it is not an output; read it with @From(\"side\"), make it an"
                        + " output, or remove it"), messages(graph));
    }

    @Test
    void outputThatIsNoNode() {
        GraphSpec graph = new GraphSpec("G", List.of(X),
                List.of(GraphNode.of("logits", null, new LinearSpec(32, 2))), List.of("logits", "logit"));
        assertEquals(List.of("output \"logit\" is no stage; did you mean \"logits\"?"), messages(graph));
    }

    @Test
    void firstNodeWithoutSourceAndSeveralInputs() {
        GraphSpec graph = new GraphSpec("G", List.of(X, new GraphInput("y", Shape.of(2))),
                List.of(GraphNode.of("a", null, new ReLUSpec())), List.of("a"));
        List<String> messages = messages(graph);
        assertEquals("a reads nothing: the network has inputs [x, y]; say which with @From(\"x\")", messages.get(0));
    }

    @Test
    void problemsAfterTheFirstDoNotCascade() {
        GraphSpec graph = new GraphSpec("G", List.of(X), List.of(
                GraphNode.of("a", null, new LinearSpec(31, 4)),
                GraphNode.of("b", null, new LinearSpec(4, 2))),
                List.of("b"));
        assertEquals(List.of("a: Linear(31, 4) expects 31 input features, got (N, 32)"), messages(graph));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphShapes.infer(graph).requireValid("G"));
        assertEquals("G is not a valid graph:\na: Linear(31, 4) expects 31 input features, got (N, 32)", e.getMessage());
    }

    @Test
    void nodeChecksItsOwnDeclaration() {
        assertEquals("a reads 2 sources [x, y] without merging them; use @Add or @Concat",
                assertThrows(IllegalArgumentException.class,
                        () -> node("a", List.of("x", "y"), Merge.NONE, new ReLUSpec())).getMessage());
        assertEquals("a: @Add needs two or more sources, was [x]",
                assertThrows(IllegalArgumentException.class,
                        () -> node("a", List.of("x"), Merge.ADD, new ReLUSpec())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GraphSpec("G", List.of(X),
                List.of(GraphNode.of("x", null, new ReLUSpec())), List.of("x")));
    }
}
