package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** {@code @MaxPool2d}: PyTorch's {@code nn.MaxPool2d}. */
public record MaxPool2dSpec(int kernel, int stride, int padding) implements PoolSpec {

    public MaxPool2dSpec {
        PoolSpec.check("MaxPool2d", kernel, stride, padding);
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.MaxPool2d(kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding + ")";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitMaxPool2d(this);
    }
}
