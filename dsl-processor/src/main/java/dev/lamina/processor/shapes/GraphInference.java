package dev.lamina.processor.shapes;

import dev.lamina.processor.diagnostics.Location;
import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.GraphModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.StageModel;
import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphProblem;
import dev.lamina.spec.graph.GraphShapes;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LinearSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2 for a graph network: visits the stages in declaration order (a topological order, since a stage may
 * only read stages above it), merges each stage's source shapes and infers its layers' widths from them as
 * {@link ShapeInference} does for a stack, then lets {@link GraphShapes} check the wiring and reports each of
 * its problems on the attribute at fault.
 *
 * <p>Until {@code @Head} exists the outputs are the last stage and every other stage that nobody reads but
 * that says where it reads from ({@code @From}, {@code @Add}, {@code @Concat}): a branch. A stage nobody reads
 * that continues from the stage above is a stage the network skips, and is reported as unused.
 */
public final class GraphInference {

    private GraphInference() {}

    /** The graph with every width written out, or empty if something was reported. */
    public static Optional<GraphSpec> infer(GraphModel graph, Report report) {
        List<StageModel> stages = graph.network().stages();
        Map<String, Shape> known = new HashMap<>();
        graph.inputs().forEach(input -> known.put(input.name(), input.shape()));
        List<GraphNode> nodes = new ArrayList<>();
        Set<String> read = new HashSet<>();
        Set<String> broken = new HashSet<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            index.put(stages.get(i).name(), i);
        }
        for (int i = 0; i < stages.size(); i++) {
            StageModel stage = stages.get(i);
            GraphModel.Wiring wiring = graph.wirings().get(i);
            List<String> sources = sources(graph, i);
            read.addAll(sources);
            List<Shape> in = new ArrayList<>();
            for (String source : sources) {
                Integer at = index.get(source);
                in.add(at != null && at >= i ? null : known.get(source));
            }
            Shape input = merged(wiring.merge(), in);
            String producer = sources.size() == 1 ? sources.get(0)
                    : wiring.merge().annotation() + " of " + String.join(", ", sources);
            InferredStage inferred = ShapeInference.inferStage(stage, input, producer, report);
            Shape output = inferred.output();
            if (output != null && wiring.residual() != null
                    && !output.equals(input)) {
                output = null;  // GraphShapes reports it
            }
            if (output != null) {
                known.put(stage.name(), output);
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (InferredLayer layer : inferred.layers()) {
                layer.resolved().ifPresent(layers::add);
            }
            if (layers.size() != inferred.layers().size() || report.hasErrorOn(stage.field())) {
                broken.add(stage.name());
                // Fits no input that occurs: GraphShapes gives this stage no shape and the stages below it no
                // follow-up message. What is wrong with it is reported already, or is a wiring problem above it.
                layers = List.of(new LinearSpec(Long.MAX_VALUE / 4, 1));
            }
            nodes.add(new GraphNode(stage.name(), wiring.from(), wiring.merge(), wiring.residual() != null, layers));
        }
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String name = stages.get(i).name();
            if (!read.contains(name) && (i == stages.size() - 1 || graph.wirings().get(i).declaration() != null)) {
                outputs.add(name);
            }
        }
        if (outputs.isEmpty()) {  // every stage is read: only in a cycle, which GraphShapes reports
            outputs.add(stages.get(stages.size() - 1).name());
        }
        List<GraphInput> inputs = graph.inputs().stream().map(in -> new GraphInput(in.name(), in.shape())).toList();
        GraphSpec spec = new GraphSpec(graph.network().name(), inputs, nodes, outputs);
        GraphShapes shapes = GraphShapes.infer(spec);
        for (GraphProblem problem : shapes.problems()) {
            boolean followUp = broken.contains(problem.where())
                    && (problem.kind() == GraphProblem.Kind.LAYER
                            || problem.kind() == GraphProblem.Kind.RESIDUAL_MISMATCH);
            if (!followUp) {
                report.report(Problem.GRAPH, location(graph, problem), problem.message());
            }
        }
        return report.hasErrors() ? Optional.empty() : Optional.of(spec);
    }

    /** What stage {@code i} reads, as {@link GraphSpec#sources} says. */
    private static List<String> sources(GraphModel graph, int i) {
        GraphModel.Wiring wiring = graph.wirings().get(i);
        if (!wiring.from().isEmpty()) {
            return wiring.from();
        }
        if (i > 0) {
            return List.of(graph.network().stages().get(i - 1).name());
        }
        return graph.inputs().size() == 1 ? List.of(graph.inputs().get(0).name()) : List.of();
    }

    /** The merged input, or null when a source is unknown or the merge does not fit (reported by GraphShapes). */
    private static Shape merged(Merge merge, List<Shape> in) {
        if (in.isEmpty() || in.contains(null)) {
            return null;
        }
        switch (merge) {
            case NONE:
                return in.get(0);
            case ADD:
                return in.stream().allMatch(in.get(0)::equals) ? in.get(0) : null;
            default:
                long features = 0;
                for (Shape shape : in) {
                    if (!shape.isFlat()) {
                        return null;
                    }
                    features = Math.addExact(features, shape.features());
                }
                return Shape.of(features);
        }
    }

    /** The attribute a problem is about. */
    private static Location location(GraphModel graph, GraphProblem problem) {
        List<StageModel> stages = graph.network().stages();
        for (int i = 0; i < stages.size(); i++) {
            StageModel stage = stages.get(i);
            if (!stage.name().equals(problem.where())) {
                continue;
            }
            GraphModel.Wiring wiring = graph.wirings().get(i);
            Location first = stage.layers().get(0).source().location();
            switch (problem.kind()) {
                case UNKNOWN_SOURCE, LATER_SOURCE, ADD_MISMATCH, CONCAT_NOT_FLAT: {
                    Location at = problem.source() == null ? null : wiring.at(problem.source());
                    return at != null ? at : first;
                }
                case RESIDUAL_MISMATCH: {
                    for (int l = stage.layers().size() - 1; l >= 0; l--) {
                        LayerModel layer = stage.layers().get(l);
                        if (layer instanceof LinearModel linear) {
                            return linear.source().at("out");
                        }
                    }
                    return wiring.residual() != null ? wiring.residual().location() : first;
                }
                case UNUSED_NODE:
                    return Location.of(stage.field());
                default:
                    return first;
            }
        }
        for (GraphModel.InputModel input : graph.inputs()) {
            if (input.name().equals(problem.where())) {
                return input.location();
            }
        }
        return graph.network().source().location();
    }
}
