package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** {@code @Flatten}: each sample becomes one dimension, like {@code nn.Flatten()}. */
public record FlattenSpec() implements LayerSpec {

    @Override
    public Shape outputShape(Shape input) {
        return Shape.of(input.size());
    }

    @Override
    public String describe() {
        return "Flatten";
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.Flatten()";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitFlatten(this);
    }
}
