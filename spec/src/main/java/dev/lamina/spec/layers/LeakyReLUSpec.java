package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** {@code @LeakyReLU(slope)}: x for positive x, slope x otherwise; PyTorch's {@code nn.LeakyReLU}. */
public record LeakyReLUSpec(double slope) implements ActivationSpec {

    public LeakyReLUSpec {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyReLU: slope must be finite, was " + slope);
        }
    }

    @Override
    public String describe() {
        return "LeakyReLU(" + slope + ")";
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.LeakyReLU(negative_slope=" + Python.number(slope) + ")";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitLeakyReLU(this);
    }
}
