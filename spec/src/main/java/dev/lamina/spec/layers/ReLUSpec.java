package dev.lamina.spec.layers;

/** {@code @ReLU}: max(0, x), PyTorch's {@code nn.ReLU()}. */
public record ReLUSpec() implements ActivationSpec {

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitReLU(this);
    }
}
