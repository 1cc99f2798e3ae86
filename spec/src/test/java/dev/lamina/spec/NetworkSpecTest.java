package dev.lamina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Networks: shapes followed through every layer, totals, the summary, and what cannot be a network. */
class NetworkSpecTest {

    static NetworkSpec seed() {
        return new NetworkSpec("MnistMlp", Shape.of(784), List.of(
                new StageSpec("hidden1", List.of(new LinearSpec(784, 300), new BatchNormSpec(300, 1e-5, 0.1),
                        new ReLUSpec(), new DropoutSpec(0.2))),
                new StageSpec("hidden2", List.of(new LinearSpec(300, 300), new BatchNormSpec(300, 1e-5, 0.1),
                        new ReLUSpec(), new DropoutSpec(0.2))),
                new StageSpec("logits", List.of(new LinearSpec(300, 10)))));
    }

    @Test
    void theSeedNetworksSummaryIsKerasStyleWithTotals() {
        // The same numbers as PyTorch's sum(p.numel() for p in model.parameters()) plus the running statistics.
        assertEquals("""
                Network: "MnistMlp"
                ________________________________________________________________________________________
                 Stage     Layers                                                 Output shape   Param #
                ========================================================================================
                 input                                                            (N, 784)             0
                 hidden1   Linear(784, 300), BatchNorm(300), ReLU, Dropout(0.2)   (N, 300)       236,700
                 hidden2   Linear(300, 300), BatchNorm(300), ReLU, Dropout(0.2)   (N, 300)        91,500
                 logits    Linear(300, 10)                                        (N, 10)          3,010
                ========================================================================================
                 Total params: 331,210 (1.26 MB)
                 Trainable params: 330,010 (1.26 MB)
                 Non-trainable params: 1,200 (4.69 KB)
                 FLOPs per sample (eval forward): 658,200
                 Activations per sample (forward): 9.41 KB
                ________________________________________________________________________________________
                """, NetworkSummary.render(seed()));
    }

    @Test
    void shapesFlowThroughImagesAndFlatten() {
        NetworkSpec cnn = new NetworkSpec("Cnn", Shape.of(1, 28, 28), List.of(
                new StageSpec("conv1", List.of(new Conv2dSpec(1, 3, 3, 1, 1, 1), new ReLUSpec(), new MaxPool2dSpec(2, 2, 0))),
                new StageSpec("conv2", List.of(new Conv2dSpec(3, 6, 3, 1, 1, 1), new BatchNormSpec(6, 1e-5, 0.1))),
                new StageSpec("head", List.of(new FlattenSpec(), new LinearSpec(6 * 14 * 14, 10)))));
        assertEquals(List.of(Shape.of(3, 14, 14), Shape.of(6, 14, 14), Shape.of(10)),
                cnn.shapedStages().stream().map(NetworkSpec.ShapedStage::output).toList());
        assertEquals(Shape.of(10), cnn.output());
    }

    @Test
    void layersThatDoNotFitTogetherCannotFormANetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("Net",
                Shape.of(784), List.of(new StageSpec("hidden", List.of(new LinearSpec(784, 300))),
                        new StageSpec("out", List.of(new LinearSpec(200, 10))))));
        assertEquals("Net.out: Linear(200, 10) expects 200 input features, got (N, 300)", e.getMessage());
    }

    @Test
    void twoLayersOwningTheSameParameterNamesCannotShareAStage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StageSpec("both", List.of(new LinearSpec(4, 4), new LinearSpec(4, 4))));
        assertEquals("both has more than one layer with parameter 'weight' (Linear(4, 4)); their parameters would"
                + " share the name both.weight. Put each in its own stage", e.getMessage());
    }

    @Test
    void namesAreCheckedSoTheyCannotBreakOutOfGeneratedSourceOrFolders() {
        assertEquals("a stage name must be a Java identifier, was \"a\\u000db\"",
                assertThrows(IllegalArgumentException.class,
                        () -> new StageSpec("a\rb", List.of(new ReLUSpec()))).getMessage());
        for (String name : List.of("x\nimport os", "..", "a  b", "")) {
            assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(name, Shape.of(1),
                    List.of(new StageSpec("s", List.of(new ReLUSpec())))), name);
        }
        new NetworkSpec("My net v1.2", Shape.of(1), List.of(new StageSpec("s", List.of(new ReLUSpec()))));
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("Net", Shape.of(1),
                List.of(new StageSpec("s", List.of(new ReLUSpec())), new StageSpec("s", List.of(new ReLUSpec())))));
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("Net", Shape.of(0), List.of()));
    }
}
