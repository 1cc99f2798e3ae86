package dev.lamina.spec.layers;

/** {@code @Tanh}: the hyperbolic tangent, PyTorch's {@code nn.Tanh()}. */
public record TanhSpec() implements ActivationSpec {

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitTanh(this);
    }
}
