package dev.lamina.spec.graph;

import dev.lamina.spec.Names;
import dev.lamina.spec.layers.ParameterSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A network that is not a straight line: named inputs, nodes in declaration order that read inputs or other
 * nodes, and the nodes whose values are the network's outputs. Construction checks only what needs no shapes
 * (names are valid and distinct); {@link GraphShapes#infer} checks the wiring and the shapes and says what to
 * fix, so that one pass reports every problem.
 */
public record GraphSpec(String name, List<GraphInput> inputs, List<GraphNode> nodes, List<String> outputs) {

    public GraphSpec {
        if (!Names.isNetworkName(name)) {
            throw new IllegalArgumentException("a network name may only use letters, digits, '_', '-', '.' and"
                    + " single inner spaces, was " + name);
        }
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
        if (inputs.isEmpty() || nodes.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException(name + ": a graph needs at least one input, one stage and one output");
        }
        Set<String> seen = new HashSet<>();
        inputs.forEach(input -> requireNew(name, seen, input.name()));
        nodes.forEach(node -> requireNew(name, seen, node.name()));
        if (new HashSet<>(outputs).size() != outputs.size()) {
            throw new IllegalArgumentException(name + " lists an output twice: " + outputs);
        }
    }

    private static void requireNew(String network, Set<String> seen, String name) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException(network + " has two inputs or stages named " + name);
        }
    }

    /**
     * What node {@code index} reads: its {@code from}, or when that is empty the node above it (the only input
     * for the first node; nothing when there are several inputs, which {@link GraphShapes} reports).
     */
    public List<String> sources(int index) {
        GraphNode node = nodes.get(index);
        if (!node.from().isEmpty()) {
            return node.from();
        }
        if (index > 0) {
            return List.of(nodes.get(index - 1).name());
        }
        return inputs.size() == 1 ? List.of(inputs.get(0).name()) : List.of();
    }

    /** The node's position, or -1. */
    public int indexOf(String nodeName) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(nodeName)) {
                return i;
            }
        }
        return -1;
    }

    /** Every parameter and running statistic under its network name ({@code block1.bn.weight}), in order. */
    public List<ParameterSpec> parameters() {
        return nodes.stream().flatMap(node -> node.parameters().stream()).toList();
    }
}
