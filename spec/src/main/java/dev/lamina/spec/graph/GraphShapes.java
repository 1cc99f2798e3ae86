package dev.lamina.spec.graph;

import dev.lamina.spec.Names;
import dev.lamina.spec.Shape;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LinearSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows the sample shapes through a graph and checks its wiring: every source exists and comes earlier,
 * merges and residual blocks get shapes that fit, every node and input is used, every output is a node. All
 * problems are collected, not just the first; a node whose input is unknown (because of a problem above it)
 * gets no shape and no further message, so one mistake is one problem.
 *
 * @param shapes each node's output shape, in node order, for the nodes whose shape could be followed
 * @param problems empty when the graph is valid
 */
public record GraphShapes(Map<String, Shape> shapes, List<GraphProblem> problems) {

    public GraphShapes {
        shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** A node's output shape. */
    public Shape shape(String node) {
        Shape shape = shapes.get(node);
        if (shape == null) {
            throw new IllegalArgumentException("no shape for " + node + "; stages with shapes: " + shapes.keySet());
        }
        return shape;
    }

    /** @throws IllegalArgumentException listing every problem, one a line, if there are any */
    public GraphShapes requireValid(String network) {
        if (!isValid()) {
            throw new IllegalArgumentException(network + " is not a valid graph:\n"
                    + problems.stream().map(GraphProblem::message).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** Infers every node's output shape of {@code graph}, or says what is wrong with it. */
    public static GraphShapes infer(GraphSpec graph) {
        return new Inference(graph).run();
    }

    /** One inference pass; holds what the nodes above the current one produced. */
    private static final class Inference {

        private final GraphSpec graph;
        private final Map<String, Shape> known = new LinkedHashMap<>();
        private final Map<String, Shape> nodeShapes = new LinkedHashMap<>();
        private final List<GraphProblem> problems = new ArrayList<>();
        private final Set<String> read = new HashSet<>();
        private final List<String> allNames = new ArrayList<>();

        Inference(GraphSpec graph) {
            this.graph = graph;
            graph.inputs().forEach(input -> {
                known.put(input.name(), input.shape());
                allNames.add(input.name());
            });
            graph.nodes().forEach(node -> allNames.add(node.name()));
        }

        GraphShapes run() {
            for (int i = 0; i < graph.nodes().size(); i++) {
                node(i);
            }
            unused();
            outputs();
            return new GraphShapes(nodeShapes, problems);
        }

        private void node(int index) {
            GraphNode node = graph.nodes().get(index);
            List<String> sources = graph.sources(index);
            read.addAll(sources);
            if (sources.isEmpty()) {
                read.add(graph.inputs().get(0).name());  // the input suggested is not also reported unused
                problem(node.name(), GraphProblem.Kind.NO_SOURCE, null, node.name() + " reads nothing: the network has inputs "
                        + graph.inputs().stream().map(GraphInput::name).toList()
                        + "; say which with @From(\"" + graph.inputs().get(0).name() + "\")");
                return;
            }
            List<Shape> in = new ArrayList<>();
            for (String source : sources) {
                if (!reachable(index, node, source)) {
                    return;
                }
                Shape shape = known.get(source);
                if (shape == null) {
                    return;  // a problem above this node; reported there
                }
                in.add(shape);
            }
            Shape merged = merge(node, sources, in);
            if (merged == null) {
                return;
            }
            Shape out = merged;
            for (LayerSpec layer : node.layers()) {
                try {
                    out = layer.outputShape(out);
                } catch (IllegalArgumentException e) {
                    problem(node.name(), GraphProblem.Kind.LAYER, null, node.name() + ": " + e.getMessage());
                    return;
                }
            }
            if (node.residual() && !out.equals(merged)) {
                problem(node.name(), GraphProblem.Kind.RESIDUAL_MISMATCH, null, node.name() + ": @Residual adds its input " + merged + " to its layers' output "
                        + out + "; " + residualFix(node, merged));
                return;
            }
            known.put(node.name(), out);
            nodeShapes.put(node.name(), out);
        }

        /** Whether {@code source} is an input or a node above; reports it when not. */
        private boolean reachable(int index, GraphNode node, String source) {
            if (known.containsKey(source)) {  // an input, or a node above whose shape is known
                return true;
            }
            int sourceIndex = graph.indexOf(source);
            String reads = declaration(node) + " reads ";
            if (sourceIndex == index) {
                if (index > 0) {
                    read.add(graph.nodes().get(index - 1).name());  // what it likely meant: not also unused
                }
                problem(node.name(), GraphProblem.Kind.LATER_SOURCE, source, node.name() + ": " + reads + "itself; a stage reads only inputs and the stages"
                        + " above it");
            } else if (sourceIndex > index) {
                Optional<List<String>> cycle = pathBack(source, node.name(), new HashSet<>());
                problem(node.name(), GraphProblem.Kind.LATER_SOURCE, source, node.name() + ": " + reads + source + ", which comes later"
                        + cycle.map(path -> "; " + node.name() + " -> " + String.join(" -> ", path)
                                + " is a cycle: break it").orElse("; move " + source + " above " + node.name()));
            } else if (sourceIndex < 0) {
                List<String> candidates = new ArrayList<>(allNames);
                candidates.remove(node.name());
                Optional<String> meant = Names.closest(source, candidates);
                meant.ifPresent(read::add);  // a typo of a source does not also make that source unused
                problem(node.name(), GraphProblem.Kind.UNKNOWN_SOURCE, source, node.name() + ": " + declaration(node) + " names " + source
                        + ", which is no input or stage"
                        + meant.map(s -> "; did you mean \"" + s + "\"?").orElse("; inputs and stages: " + candidates));
            }
            // sourceIndex < index without a shape: its own problem was reported.
            return false;
        }

        /** The nodes from {@code from} back to {@code target} through their sources, if {@code from} reads it. */
        private Optional<List<String>> pathBack(String from, String target, Set<String> visited) {
            if (!visited.add(from)) {
                return Optional.empty();
            }
            int index = graph.indexOf(from);
            if (index < 0) {
                return Optional.empty();
            }
            for (String next : graph.sources(index)) {
                if (next.equals(target)) {
                    return Optional.of(List.of(from, target));
                }
                Optional<List<String>> rest = pathBack(next, target, visited);
                if (rest.isPresent()) {
                    List<String> path = new ArrayList<>();
                    path.add(from);
                    path.addAll(rest.get());
                    return Optional.of(path);
                }
            }
            return Optional.empty();
        }

        private Shape merge(GraphNode node, List<String> sources, List<Shape> in) {
            switch (node.merge()) {
                case NONE:
                    return in.get(0);
                case ADD:
                    for (int i = 1; i < in.size(); i++) {
                        if (!in.get(i).equals(in.get(0))) {
                            problem(node.name(), GraphProblem.Kind.ADD_MISMATCH, sources.get(i), node.name() + ": " + declaration(node) + " sums " + sources.get(0)
                                    + " " + in.get(0) + " and " + sources.get(i) + " " + in.get(i)
                                    + ", which differ; make " + sources.get(i) + "'s output " + in.get(0));
                            return null;
                        }
                    }
                    return in.get(0);
                case CONCAT:
                    long features = 0;
                    for (int i = 0; i < in.size(); i++) {
                        if (!in.get(i).isFlat()) {
                            problem(node.name(), GraphProblem.Kind.CONCAT_NOT_FLAT, sources.get(i), node.name() + ": " + declaration(node) + " joins flat features, but "
                                    + sources.get(i) + " is " + in.get(i) + "; end " + sources.get(i)
                                    + " with @Flatten");
                            return null;
                        }
                        features = Math.addExact(features, in.get(i).features());
                    }
                    return Shape.of(features);
                default:
                    throw new AssertionError(node.merge());
            }
        }

        private static String residualFix(GraphNode node, Shape input) {
            List<LayerSpec> layers = node.layers();
            for (int i = layers.size() - 1; i >= 0; i--) {
                if (layers.get(i) instanceof LinearSpec && input.isFlat()) {
                    return "make the last @Linear out = " + input.features();
                }
            }
            return "make its layers keep the shape " + input;
        }

        /** How the node's sources are declared: {@code @From("a")}, {@code @Concat({"a", "b"})}. */
        private static String declaration(GraphNode node) {
            List<String> quoted = node.from().stream().map(s -> "\"" + s + "\"").toList();
            String values = quoted.size() == 1 ? quoted.get(0) : "{" + String.join(", ", quoted) + "}";
            return node.merge().annotation() + "(" + values + ")";
        }

        private void unused() {
            for (GraphInput input : graph.inputs()) {
                if (!read.contains(input.name())) {
                    problem(input.name(), GraphProblem.Kind.UNUSED_INPUT, null, "input " + input.name() + ": no stage reads it; read it with @From(\""
                            + input.name() + "\") or remove it");
                }
            }
            for (GraphNode node : graph.nodes()) {
                if (!read.contains(node.name()) && !graph.outputs().contains(node.name())) {
                    problem(node.name(), GraphProblem.Kind.UNUSED_NODE, null, node.name() + " is unused: no stage reads it and it is not an output; read"
                            + " it with @From(\"" + node.name() + "\"), make it an output, or remove it");
                }
            }
        }

        private void outputs() {
            List<String> nodes = graph.nodes().stream().map(GraphNode::name).toList();
            for (String output : graph.outputs()) {
                if (!nodes.contains(output)) {
                    problem(output, GraphProblem.Kind.UNKNOWN_OUTPUT, output, "output \"" + output + "\" is no stage"
                            + Names.closest(output, nodes).map(s -> "; did you mean \"" + s + "\"?")
                                    .orElse("; stages: " + nodes));
                }
            }
        }

        private void problem(String where, GraphProblem.Kind kind, String source, String message) {
            problems.add(new GraphProblem(where, kind, source, message));
        }
    }
}
