package dev.lamina.processor.parse;

import dev.lamina.processor.diagnostics.Location;
import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.GraphModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.model.Source;
import dev.lamina.processor.model.StageModel;
import dev.lamina.spec.Names;
import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.Merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.util.Elements;

/**
 * Reads what makes a network a graph: {@code @Network(inputs)} and each stage's {@code @From}, {@code @Add},
 * {@code @Concat} and {@code @Residual}. Reports what is wrong before any shape (a source list that is empty
 * or names one twice, two declarations on one stage, a bad input name); the wiring and the shapes are checked
 * by {@code GraphInference}.
 */
public final class GraphParser {

    /** The name of the one input of a graph network declared with {@code @Network(input = ...)}. */
    public static final String SINGLE_INPUT = "input";

    private final AnnotationValues values;

    public GraphParser(Elements elements) {
        this.values = new AnnotationValues(elements);
    }

    /** The graph, or empty if the network is a plain stack. */
    public Optional<GraphModel> parse(NetworkModel network, Report report) {
        List<GraphModel.InputModel> inputs = inputs(network, report);
        List<GraphModel.Wiring> wirings = new ArrayList<>();
        boolean wired = false;
        for (StageModel stage : network.stages()) {
            GraphModel.Wiring wiring = wiring(stage, report);
            wired |= wiring.declaration() != null || wiring.residual() != null;
            wirings.add(wiring);
        }
        if (inputs.isEmpty() && !wired) {
            return Optional.empty();
        }
        if (inputs.isEmpty() && network.input().rank() > 0) {
            inputs = List.of(new GraphModel.InputModel(SINGLE_INPUT, network.input(),
                    network.source().at("input")));
        }
        checkNames(network, inputs, report);
        return Optional.of(new GraphModel(network, inputs, wirings));
    }

    private List<GraphModel.InputModel> inputs(NetworkModel network, Report report) {
        AnnotationMirror annotation = network.source().annotation();
        Object written = values.get(annotation, "inputs").getValue();
        if (!(written instanceof List<?> list)) {
            throw new UnresolvedValueException("Network", "inputs", written);
        }
        List<GraphModel.InputModel> inputs = new ArrayList<>();
        for (Object element : list) {
            AnnotationValue value = (AnnotationValue) element;
            if (!(value.getValue() instanceof AnnotationMirror input)) {
                throw new UnresolvedValueException("Network", "inputs", value.getValue());
            }
            Location location = new Location(network.type(), annotation, value);
            String name = values.getString(input, "name");
            List<Number> dims = values.getNumbers(input, "shape");
            long[] shape = dims.stream().mapToLong(Number::longValue).toArray();
            if (shape.length == 0 || dims.stream().anyMatch(d -> d.longValue() <= 0)) {
                report.report(Problem.GRAPH_DECLARATION, location, network.type().getSimpleName(),
                        "@Input(name = \"" + name + "\") needs a shape of positive dimensions, as in shape = 8 or"
                                + " shape = {1, 28, 28}, was " + dims);
                continue;
            }
            inputs.add(new GraphModel.InputModel(name, Shape.of(shape), location));
        }
        return inputs;
    }

    private GraphModel.Wiring wiring(StageModel stage, Report report) {
        Source declaration = null;
        Source residual = null;
        Merge merge = Merge.NONE;
        List<String> from = List.of();
        for (AnnotationMirror annotation : stage.field().getAnnotationMirrors()) {
            String kind = annotation.getAnnotationType().asElement().getSimpleName().toString();
            if (!LayerAnnotations.GRAPH_QUALIFIED_NAMES.contains(NetworkParser.qualifiedName(annotation))) {
                continue;
            }
            Source source = new Source(stage.field(), annotation);
            if (kind.equals("Residual")) {
                residual = source;
                continue;
            }
            if (declaration != null) {
                report.report(Problem.GRAPH_DECLARATION, source.location(), stage.name(),
                        "@" + declaration.annotation().getAnnotationType().asElement().getSimpleName() + " and @"
                                + kind + " both say what the stage reads; keep one");
                continue;
            }
            List<String> names = strings(annotation);
            Merge thisMerge = switch (kind) {
                case "Add" -> Merge.ADD;
                case "Concat" -> Merge.CONCAT;
                default -> Merge.NONE;
            };
            if (names.isEmpty()) {
                report.report(Problem.GRAPH_DECLARATION, source.at("value"), stage.name(),
                        "@" + kind + " names no source; name an input or a stage above, as in @" + kind
                                + (thisMerge == Merge.NONE ? "(\"trunk\")" : "({\"a\", \"b\"})"));
                continue;
            }
            if (new HashSet<>(names).size() != names.size()) {
                report.report(Problem.GRAPH_DECLARATION, source.at("value"), stage.name(),
                        "@" + kind + " names a source twice: " + names);
                continue;
            }
            if (thisMerge == Merge.NONE && names.size() > 1) {
                report.report(Problem.GRAPH_DECLARATION, source.at("value"), stage.name(),
                        "@From reads one source, but names " + names.size() + " " + names
                                + "; to merge them write @Add (sum) or @Concat (join features)");
                continue;
            }
            if (thisMerge != Merge.NONE && names.size() < 2) {
                report.report(Problem.GRAPH_DECLARATION, source.at("value"), stage.name(),
                        "@" + kind + " merges two or more sources, but names only " + names
                                + "; to read one source write @From(\"" + names.get(0) + "\")");
                continue;
            }
            declaration = source;
            merge = thisMerge;
            from = names;
        }
        return new GraphModel.Wiring(from, merge, declaration, residual);
    }

    private List<String> strings(AnnotationMirror annotation) {
        Object written = values.get(annotation, "value").getValue();
        if (!(written instanceof List<?> list)) {
            throw new UnresolvedValueException(annotation.getAnnotationType().asElement().getSimpleName().toString(),
                    "value", written);
        }
        List<String> names = new ArrayList<>();
        for (Object element : list) {
            Object value = ((AnnotationValue) element).getValue();
            if (!(value instanceof String name)) {
                throw new UnresolvedValueException(
                        annotation.getAnnotationType().asElement().getSimpleName().toString(), "value", value);
            }
            names.add(name);
        }
        return names;
    }

    private static void checkNames(NetworkModel network, List<GraphModel.InputModel> inputs, Report report) {
        Set<String> stages = new HashSet<>();
        network.stages().forEach(stage -> stages.add(stage.name()));
        Set<String> seen = new HashSet<>();
        for (GraphModel.InputModel input : inputs) {
            String problem = null;
            if (!Names.isIdentifier(input.name())) {
                problem = "must be a Java identifier: it names an argument of the exported forward()";
            } else if (!seen.add(input.name())) {
                problem = "is the name of another input; give each input its own name";
            } else if (stages.contains(input.name())) {
                problem = "is also the name of a stage; rename one, since @From(\"" + input.name()
                        + "\") must name one of them";
            }
            if (problem != null) {
                report.report(Problem.GRAPH_DECLARATION, input.location(), network.type().getSimpleName(),
                        "input name \"" + input.name() + "\" " + problem);
            }
        }
    }
}
