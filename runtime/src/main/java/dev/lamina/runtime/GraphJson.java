package dev.lamina.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;

import dev.lamina.spec.SpecTree;
import dev.lamina.spec.graph.GraphSpec;


/**
 * A graph network as JSON text: {@code {"kind": "Graph", "name": "TwoInputs", "inputs": [{"name":
 * "fingerprint", "shape": [64]}, ...], "nodes": [{"name": "joint", "from": ["fp", "desc"], "merge": "CONCAT",
 * "residual": false, "layers": [...]}, ...], "outputs": ["out"]}}. The tree is the spec module's ({@link
 * SpecTree#toTree(GraphSpec)}); Gson only reads and writes the text, as for {@link ArchitectureJson}.
 */
public final class GraphJson {

    /** Whole numbers stay longs, so widths read back exactly. */
    private static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();

    private GraphJson() {}

    public static String write(GraphSpec graph) {
        return GSON.toJson(SpecTree.toTree(graph));
    }

    /**
     * The graph {@code json} describes, checked as a hand-built one is: every layer's values, the wiring and
     * shapes, the names; a key given twice in one object is refused.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static GraphSpec read(String json) {
        return SpecTree.graph(ArchitectureJson.tree(json, "graph", "a graph"));
    }
}
