package dev.lamina.runtime.graph;

import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.util.List;

/** The three graphs the runtime tests run, also written by hand in torch in graph_parity.py. */
final class GraphExamples {

    private GraphExamples() {}

    /** x(32) -> stem Linear 32->16 ReLU -> block1 residual [Linear, BatchNorm, ReLU] -> block2 residual -> 4. */
    static GraphSpec residualMlp() {
        return new GraphSpec("ResidualMlp", List.of(new GraphInput("x", Shape.of(32))), List.of(
                GraphNode.of("stem", null, new LinearSpec(32, 16), new ReLUSpec()),
                new GraphNode("block1", List.of(), Merge.NONE, true,
                        List.of(new LinearSpec(16, 16), new BatchNormSpec(16, 1e-5, 0.1), new ReLUSpec())),
                new GraphNode("block2", List.of(), Merge.NONE, true, List.of(new LinearSpec(16, 16), new ReLUSpec())),
                GraphNode.of("logits", null, new LinearSpec(16, 4))),
                List.of("logits"));
    }

    /** fingerprint(64) -> fp 16, descriptors(5) -> desc 4, joint = concat(first, second) -> 8 -> out 3. */
    static GraphSpec twoInputs(String first, String second) {
        return new GraphSpec("TwoInputs",
                List.of(new GraphInput("fingerprint", Shape.of(64)), new GraphInput("descriptors", Shape.of(5))),
                List.of(
                        GraphNode.of("fp", "fingerprint", new LinearSpec(64, 16), new ReLUSpec()),
                        GraphNode.of("desc", "descriptors", new LinearSpec(5, 4), new ReLUSpec()),
                        new GraphNode("joint", List.of(first, second), Merge.CONCAT, false,
                                List.of(new LinearSpec(20, 8), new ReLUSpec())),
                        GraphNode.of("out", null, new LinearSpec(8, 3))),
                List.of("out"));
    }

    static GraphSpec twoInputs() {
        return twoInputs("fp", "desc");
    }

    /** x(24) -> trunk Linear 24->12 ReLU; head a Linear 12->2 and head b Linear 12->1, both from the trunk. */
    static GraphSpec twoHeads() {
        return new GraphSpec("TwoHeads", List.of(new GraphInput("x", Shape.of(24))), List.of(
                GraphNode.of("trunk", null, new LinearSpec(24, 12), new ReLUSpec()),
                GraphNode.of("a", "trunk", new LinearSpec(12, 2)),
                GraphNode.of("b", "trunk", new LinearSpec(12, 1))),
                List.of("a", "b"));
    }
}
