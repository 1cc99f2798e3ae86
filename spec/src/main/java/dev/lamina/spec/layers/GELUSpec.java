package dev.lamina.spec.layers;

/** {@code @GELU}: x Φ(x) with the exact erf form, PyTorch's {@code nn.GELU()} (approximate='none'). */
public record GELUSpec() implements ActivationSpec {

    /** erf, then a scale, an addition and two multiplications. */
    @Override
    public long flopsPerValue() {
        return 5;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitGELU(this);
    }
}
