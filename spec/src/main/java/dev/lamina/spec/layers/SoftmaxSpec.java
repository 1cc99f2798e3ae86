package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** {@code @Softmax}: over each sample's features, PyTorch's {@code nn.Softmax(dim=1)} on (N, C). */
public record SoftmaxSpec() implements ActivationSpec {

    /** exp, the sum and the division. */
    @Override
    public long flopsPerValue() {
        return 3;
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.Softmax(dim=1)";
    }

    @Override
    public boolean outputsProbabilities() {
        return true;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitSoftmax(this);
    }
}
