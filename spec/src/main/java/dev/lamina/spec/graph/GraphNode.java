package dev.lamina.spec.graph;

import dev.lamina.spec.StageSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.ParameterSpec;

import java.util.HashSet;
import java.util.List;

/**
 * One stage of a graph network: where its input comes from, how several sources merge, whether it adds its
 * input back (a residual block), and its layers. Its layers are a {@link StageSpec} of the same name, so its
 * parameters are named as a straight network's are: {@code block1.weight}, {@code block1.bn.running_mean}.
 *
 * <p>What can be checked on the node alone is checked here; whether its sources exist, come earlier and fit
 * is the graph's business ({@link GraphShapes}), where the message can name both sides.
 *
 * @param from inputs or earlier nodes it reads; empty reads the node above it (the only input, for the first)
 * @param residual output = source + layers(source), so the layers must keep the source's shape
 */
public record GraphNode(String name, List<String> from, Merge merge, boolean residual, List<LayerSpec> layers) {

    public GraphNode {
        from = List.copyOf(from);
        layers = List.copyOf(layers);
        StageSpec stage = new StageSpec(name, layers);  // name and parameter-name checks, said once
        if (new HashSet<>(from).size() != from.size()) {
            throw new IllegalArgumentException(stage.name() + " names a source twice: " + from);
        }
        if (merge == Merge.NONE && from.size() > 1) {
            throw new IllegalArgumentException(name + " reads " + from.size() + " sources " + from
                    + " without merging them; use @Add or @Concat");
        }
        if (merge != Merge.NONE && from.size() < 2) {
            throw new IllegalArgumentException(name + ": " + merge.annotation() + " needs two or more sources, was "
                    + from);
        }
    }

    /** A node reading one named source, or the node above when {@code from} is null. */
    public static GraphNode of(String name, String from, LayerSpec... layers) {
        return new GraphNode(name, from == null ? List.of() : List.of(from), Merge.NONE, false, List.of(layers));
    }

    /** The node's layers as a stage of the same name. */
    public StageSpec stage() {
        return new StageSpec(name, layers);
    }

    /** Every parameter under its network name, in order. */
    public List<ParameterSpec> parameters() {
        return stage().parameters();
    }
}
