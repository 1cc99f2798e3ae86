package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** The argument checks the layer records share; messages name the layer and the rule. */
final class Checks {

    private Checks() {}

    static void positive(String layer, String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(layer + ": " + name + " must be positive, was " + value);
        }
    }

    static void image(LayerSpec layer, Shape input) {
        if (!input.isImage()) {
            throw new IllegalArgumentException(layer.describe() + " needs (C, H, W) image samples, got "
                    + input.withBatch());
        }
    }

    static void flat(LayerSpec layer, Shape input) {
        if (!input.isFlat()) {
            throw new IllegalArgumentException(layer.describe() + " needs flat samples, got " + input.withBatch()
                    + "; add a Flatten before it");
        }
    }
}
