package dev.lamina.spec.layers;

/** {@code @Sigmoid}: 1 / (1 + exp(-x)), PyTorch's {@code nn.Sigmoid()}. */
public record SigmoidSpec() implements ActivationSpec {

    @Override
    public boolean outputsProbabilities() {
        return true;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitSigmoid(this);
    }
}
