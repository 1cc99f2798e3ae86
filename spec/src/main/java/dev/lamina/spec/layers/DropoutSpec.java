package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** {@code @Dropout(p)}: inverted dropout (kept values scaled by 1/(1-p)), the identity in eval mode. */
public record DropoutSpec(double p) implements LayerSpec {

    public DropoutSpec {
        if (!(p >= 0 && p < 1)) { // also rejects NaN
            throw new IllegalArgumentException("Dropout p must be in [0, 1), was " + p);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String describe() {
        return "Dropout(" + p + ")";
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.Dropout(p=" + Python.number(p) + ")";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitDropout(this);
    }
}
