package dev.lamina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Graph specs to JSON trees and back: the runtime's three example graphs survive, a hostile tree is refused. */
class SpecTreeGraphTest {

    /** The runtime's GraphExamples (residual MLP, two inputs joined by a concat, two heads). */
    static List<GraphSpec> examples() {
        GraphSpec residual = new GraphSpec("ResidualMlp", List.of(new GraphInput("x", Shape.of(32))), List.of(
                GraphNode.of("stem", null, new LinearSpec(32, 16), new ReLUSpec()),
                new GraphNode("block1", List.of(), Merge.NONE, true,
                        List.of(new LinearSpec(16, 16), new BatchNormSpec(16, 1e-5, 0.1), new ReLUSpec())),
                new GraphNode("block2", List.of(), Merge.NONE, true, List.of(new LinearSpec(16, 16), new ReLUSpec())),
                GraphNode.of("logits", null, new LinearSpec(16, 4))),
                List.of("logits"));
        GraphSpec twoInputs = new GraphSpec("TwoInputs",
                List.of(new GraphInput("fingerprint", Shape.of(64)), new GraphInput("descriptors", Shape.of(5))),
                List.of(
                        GraphNode.of("fp", "fingerprint", new LinearSpec(64, 16), new ReLUSpec()),
                        GraphNode.of("desc", "descriptors", new LinearSpec(5, 4), new ReLUSpec()),
                        new GraphNode("joint", List.of("fp", "desc"), Merge.CONCAT, false,
                                List.of(new LinearSpec(20, 8), new ReLUSpec())),
                        GraphNode.of("out", null, new LinearSpec(8, 3))),
                List.of("out"));
        GraphSpec twoHeads = new GraphSpec("TwoHeads", List.of(new GraphInput("x", Shape.of(24))), List.of(
                GraphNode.of("trunk", null, new LinearSpec(24, 12), new ReLUSpec()),
                GraphNode.of("a", "trunk", new LinearSpec(12, 2)),
                GraphNode.of("b", "trunk", new LinearSpec(12, 1))),
                List.of("a", "b"));
        return List.of(residual, twoInputs, twoHeads);
    }

    @Test
    void exampleGraphsRoundTrip() {
        for (GraphSpec graph : examples()) {
            Map<String, Object> tree = SpecTree.toTree(graph);
            assertTrue(SpecTree.isGraph(tree));
            assertEquals(graph, SpecTree.graph(tree));
        }
    }

    @Test
    void treeHasTheDocumentedForm() {
        Map<String, Object> tree = SpecTree.toTree(examples().get(1));
        assertEquals(List.of("kind", "name", "inputs", "nodes", "outputs"), List.copyOf(tree.keySet()));
        assertEquals("Graph", tree.get("kind"));
        assertEquals(List.of(Map.of("name", "fingerprint", "shape", List.of(64L)),
                Map.of("name", "descriptors", "shape", List.of(5L))), tree.get("inputs"));
        Map<?, ?> joint = (Map<?, ?>) ((List<?>) tree.get("nodes")).get(2);
        assertEquals(List.of("name", "from", "merge", "residual", "layers"), List.copyOf(joint.keySet()));
        assertEquals(List.of("fp", "desc"), joint.get("from"));
        assertEquals("CONCAT", joint.get("merge"));
        assertEquals(false, joint.get("residual"));
        assertEquals(List.of(Map.of("kind", "Linear", "in", 20L, "out", 8L), Map.of("kind", "ReLU")),
                normalise(joint.get("layers")));
        assertEquals(List.of("out"), tree.get("outputs"));
    }

    @Test
    void aStraightNetworkIsNotAGraphAndAGraphIsNotAStraightNetwork() {
        GraphSpec graph = examples().get(0);
        IllegalArgumentException notStack = assertThrows(IllegalArgumentException.class,
                () -> SpecTree.network(SpecTree.toTree(graph)));
        assertTrue(notStack.getMessage().contains("SpecTree.graph"), notStack.getMessage());
        NetworkSpec stack = new NetworkSpec("Stack", Shape.of(4), List.of(new StageSpec("out", List.of(new LinearSpec(4, 2)))));
        assertFalse(SpecTree.isGraph(SpecTree.toTree(stack)));
        assertThrows(IllegalArgumentException.class, () -> SpecTree.graph(SpecTree.toTree(stack)));
    }

    @Test
    void hostileTreesAreRefusedSayingWhere() {
        assertRefused(tree -> tree.put("extra", 1), "the graph: unexpected field 'extra'");
        assertRefused(tree -> tree.remove("outputs"), "the graph: missing field 'outputs'");
        assertRefused(tree -> node(tree, 2).put("merge", "concat"), "TwoInputs.joint.merge: unknown merge 'concat'");
        assertRefused(tree -> node(tree, 2).put("residual", "false"), "TwoInputs.joint.residual: expected true or false");
        assertRefused(tree -> node(tree, 2).put("from", List.of("fp", 3)), "TwoInputs.joint.from[1]: expected a string");
        assertRefused(tree -> node(tree, 2).put("from", List.of("fp", "fp")), "joint names a source twice");
        assertRefused(tree -> node(tree, 2).put("merge", "NONE"), "without merging them");
        assertRefused(tree -> node(tree, 2).remove("residual"), "TwoInputs.nodes[2]: missing field 'residual'");
        assertRefused(tree -> node(tree, 2).put("from", List.of("fp", "dsec")), "dsec");
        assertRefused(tree -> input(tree, 1).put("shape", List.of(5.5)), "TwoInputs.descriptors.shape[0]: expected a whole");
        assertRefused(tree -> input(tree, 1).put("shape", List.of(0L)), "TwoInputs.inputs[1]: descriptors: every input dimension");
        assertRefused(tree -> input(tree, 1).put("name", "de scriptors"), "an input name must be a Java identifier");
        assertRefused(tree -> ((List<Object>) tree.get("outputs")).set(0, "joint2"), "joint2");
        assertRefused(tree -> layer(tree, 2, 0).put("in", 21L), "joint");
        assertRefused(tree -> layer(tree, 2, 0).put("kind", "Linaer"), "TwoInputs.joint layer 1: unknown layer kind");
        assertRefused(tree -> tree.put("kind", "Network"), "expected \"kind\": \"Graph\", found \"Network\"");
    }

    private static void assertRefused(Consumer<Map<String, Object>> damage, String expected) {
        Map<String, Object> tree = mutable(SpecTree.toTree(examples().get(1)));
        damage.accept(tree);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecTree.graph(tree));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> tree, int index) {
        return (Map<String, Object>) ((List<Object>) tree.get("nodes")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(Map<String, Object> tree, int index) {
        return (Map<String, Object>) ((List<Object>) tree.get("inputs")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layer(Map<String, Object> tree, int node, int index) {
        return (Map<String, Object>) ((List<Object>) node(tree, node).get("layers")).get(index);
    }

    /** A deep copy of a tree with mutable maps and lists. */
    @SuppressWarnings("unchecked")
    private static <T> T mutable(T tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, mutable(value)));
            return (T) copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(mutable(item)));
            return (T) copy;
        }
        return tree;
    }

    /** Layer trees with every whole number as a long, as JSON reads them. */
    private static Object normalise(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, normalise(value)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(SpecTreeGraphTest::normalise).toList();
        }
        return tree instanceof Integer i ? (Object) i.longValue() : tree;
    }
}
