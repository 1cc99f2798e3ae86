package dev.lamina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.spec.layers.AvgPool2dSpec;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.GELUSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LeakyReLUSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.spec.layers.SigmoidSpec;
import dev.lamina.spec.layers.SoftmaxSpec;
import dev.lamina.spec.layers.TanhSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Specs to JSON trees and back: every kind survives, and a hostile tree is refused with a reason. */
class SpecTreeTest {

    private static final List<LayerSpec> EVERY_KIND = List.of(new LinearSpec(5, 3), new Conv2dSpec(1, 2, 3, 2, 1, 2),
            new MaxPool2dSpec(3, 2, 1), new AvgPool2dSpec(2, 2, 0), new FlattenSpec(), new BatchNormSpec(4, 1e-3, 0.2),
            new DropoutSpec(0.25), new ReLUSpec(), new LeakyReLUSpec(0.01), new SigmoidSpec(), new TanhSpec(),
            new SoftmaxSpec(), new GELUSpec());

    @Test
    void everyLayerKindRoundTrips() {
        assertEquals(SpecTree.layerKindNames().size(), EVERY_KIND.size(), "a kind is missing from this test");
        for (LayerSpec layer : EVERY_KIND) {
            assertEquals(layer, SpecTree.layer(SpecTree.toTree(layer), "test"));
        }
        assertEquals(Map.of("kind", "Linear", "in", 5L, "out", 3L), SpecTree.toTree(new LinearSpec(5, 3)));
    }

    @Test
    void networksRoundTripThroughTreesWhoseNumbersAreDoublesAsJsonParsersGiveThem() {
        NetworkSpec seed = NetworkSpecTest.seed();
        Map<String, Object> tree = SpecTree.toTree(seed);
        assertEquals(seed, SpecTree.network(tree));
        Map<String, Object> parsed = new LinkedHashMap<>(tree);
        parsed.put("input", List.of(784.0));
        assertEquals(seed, SpecTree.network(parsed));
    }

    @Test
    void unknownKindsGetASuggestion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpecTree.layer(Map.of("kind", "Liner", "in", 1, "out", 2), "Net.hidden layer 1"));
        assertEquals("Net.hidden layer 1: unknown layer kind 'Liner'. Did you mean Linear? Known kinds: "
                + SpecTree.layerKindNames(), e.getMessage());
    }

    @Test
    void inexactMissingAndExtraValuesAreRefused() {
        assertEquals("l (Linear): in: expected a whole number, found 1.5", assertThrows(IllegalArgumentException.class,
                () -> SpecTree.layer(Map.of("kind", "Linear", "in", 1.5, "out", 2), "l")).getMessage());
        assertEquals("l (Linear): out: expected a number, found nothing", assertThrows(IllegalArgumentException.class,
                () -> SpecTree.layer(Map.of("kind", "Linear", "in", 1), "l")).getMessage());
        assertEquals("l (ReLU): unexpected field 'code'; expected [kind]", assertThrows(IllegalArgumentException.class,
                () -> SpecTree.layer(Map.of("kind", "ReLU", "code", "import os"), "l")).getMessage());
        assertEquals("l (Conv2d): kernel: expected an int, found 3.0E10", assertThrows(IllegalArgumentException.class,
                () -> SpecTree.layer(Map.of("kind", "Conv2d", "in", 1, "out", 1, "kernel", 3e10, "stride", 1,
                        "padding", 0, "dilation", 1), "l")).getMessage());
        assertEquals("l: Dropout p must be in [0, 1), was 2.0", assertThrows(IllegalArgumentException.class,
                () -> SpecTree.layer(Map.of("kind", "Dropout", "p", 2), "l")).getMessage());
    }
}
