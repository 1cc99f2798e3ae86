package dev.lamina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.util.List;

import org.junit.jupiter.api.Test;

class GraphSummaryTest {

    @Test
    void rowPerInputAndStageWithWhatEachStageReads() {
        GraphSpec graph = new GraphSpec("Two",
                List.of(new GraphInput("a", Shape.of(4)), new GraphInput("b", Shape.of(2))),
                List.of(GraphNode.of("fa", "a", new LinearSpec(4, 3), new ReLUSpec()),
                        GraphNode.of("fb", "b", new LinearSpec(2, 1)),
                        new GraphNode("joint", List.of("fa", "fb"), Merge.CONCAT, false, List.of(new LinearSpec(4, 4))),
                        new GraphNode("block", List.of(), Merge.NONE, true, List.of(new LinearSpec(4, 4))),
                        new GraphNode("sum", List.of("joint", "block"), Merge.ADD, false, List.of(new LinearSpec(4, 1)))),
                List.of("sum"));
        assertEquals("""
                Network: "Two"
                _________________________________________________________________________
                 Stage   Layers                   Output shape   Param #   Connected to
                =========================================================================
                 a       Input                    (N, 4)               0
                 b       Input                    (N, 2)               0
                 fa      Linear(4, 3), ReLU       (N, 3)              15   a
                 fb      Linear(2, 1)             (N, 1)               3   b
                 joint   Linear(4, 4)             (N, 4)              20   concat(fa, fb)
                 block   Linear(4, 4) (+ input)   (N, 4)              20   joint
                 sum     Linear(4, 1)             (N, 1)               5   joint + block
                =========================================================================
                 Outputs: sum
                 Total params: 63 (252 B)
                 Trainable params: 63 (252 B)
                 Non-trainable params: 0 (0 B)
                 FLOPs per sample (eval forward, merges and residual sums excluded): 103
                _________________________________________________________________________
                """, GraphSummary.render(graph));
    }

    @Test
    void anInvalidGraphHasNoSummary() {
        GraphSpec graph = new GraphSpec("Bad", List.of(new GraphInput("a", Shape.of(4))),
                List.of(GraphNode.of("fa", "nope", new LinearSpec(4, 3))), List.of("fa"));
        assertThrows(IllegalArgumentException.class, () -> GraphSummary.render(graph));
    }
}
