package dev.lamina.spec;

import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphShapes;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.ParameterSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary of a graph network, in the style of Keras' {@code model.summary()} for functional models: a row
 * per input and per stage with its layers, output shape, parameter count and the inputs or stages it reads
 * ("Connected to"), then the totals and FLOPs. The graph must be valid ({@link GraphShapes#infer}).
 */
public final class GraphSummary {

    private static final String[] HEADERS = {"Stage", "Layers", "Output shape", "Param #", "Connected to"};

    private GraphSummary() {}

    /**
     * @throws IllegalArgumentException listing the graph's problems if it is not valid
     */
    public static String render(GraphSpec graph) {
        GraphShapes shapes = GraphShapes.infer(graph).requireValid(graph.name());
        Map<String, Shape> known = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (GraphInput input : graph.inputs()) {
            known.put(input.name(), input.shape());
            rows.add(new String[] {input.name(), "Input", input.shape().withBatch(), "0", ""});
        }
        long flops = 0;
        for (int i = 0; i < graph.nodes().size(); i++) {
            GraphNode node = graph.nodes().get(i);
            List<String> sources = graph.sources(i);
            Shape in = merged(node.merge(), sources.stream().map(known::get).toList());
            String layers = node.layers().stream().map(LayerSpec::describe).collect(Collectors.joining(", "));
            for (LayerSpec layer : node.layers()) {
                flops = Math.addExact(flops, layer.flops(in));
                in = layer.outputShape(in);
            }
            if (node.residual()) {
                layers = layers + " (+ input)";
            }
            Shape out = shapes.shape(node.name());
            known.put(node.name(), out);
            String connected = switch (node.merge()) {
                case NONE -> sources.get(0);
                case ADD -> String.join(" + ", sources);
                case CONCAT -> "concat(" + String.join(", ", sources) + ")";
            };
            rows.add(new String[] {node.name(), layers, out.withBatch(),
                    NetworkSummary.count(node.stage().parameterCount()), connected});
        }
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int total = 1;
        for (int width : widths) {
            total += width + 3;
        }
        total -= 3;
        long trainable = 0;
        long nonTrainable = 0;
        for (ParameterSpec parameter : graph.parameters()) {
            if (parameter.trainable()) {
                trainable = Math.addExact(trainable, parameter.shape().size());
            } else {
                nonTrainable = Math.addExact(nonTrainable, parameter.shape().size());
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("Network: \"").append(graph.name()).append("\"\n");
        text.append("_".repeat(total)).append('\n');
        text.append(row(HEADERS, widths)).append('\n');
        text.append("=".repeat(total)).append('\n');
        for (String[] row : rows) {
            text.append(row(row, widths)).append('\n');
        }
        text.append("=".repeat(total)).append('\n');
        text.append(" Outputs: ").append(String.join(", ", graph.outputs())).append('\n');
        text.append(" Total params: ").append(NetworkSummary.count(trainable + nonTrainable))
                .append(" (").append(NetworkSummary.bytes(Math.multiplyExact(trainable + nonTrainable,
                        (long) Float.BYTES))).append(")\n");
        text.append(" Trainable params: ").append(NetworkSummary.count(trainable))
                .append(" (").append(NetworkSummary.bytes(trainable * Float.BYTES)).append(")\n");
        text.append(" Non-trainable params: ").append(NetworkSummary.count(nonTrainable))
                .append(" (").append(NetworkSummary.bytes(nonTrainable * Float.BYTES)).append(")\n");
        text.append(" FLOPs per sample (eval forward, merges and residual sums excluded): ")
                .append(NetworkSummary.count(flops)).append('\n');
        text.append("_".repeat(total)).append('\n');
        return text.toString();
    }

    private static Shape merged(Merge merge, List<Shape> in) {
        if (merge != Merge.CONCAT) {
            return in.get(0);
        }
        long features = 0;
        for (Shape shape : in) {
            features = Math.addExact(features, shape.features());
        }
        return Shape.of(features);
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(" ");
        for (int c = 0; c < cells.length; c++) {
            if (c == 3) {
                line.append(" ".repeat(widths[c] - cells[c].length())).append(cells[c]);
            } else {
                line.append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
            }
            if (c < cells.length - 1) {
                line.append("   ");
            }
        }
        return line.toString().stripTrailing();
    }
}
