package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** {@code @AvgPool2d}: PyTorch's {@code nn.AvgPool2d}, counting padding zeros as its default does. */
public record AvgPool2dSpec(int kernel, int stride, int padding) implements PoolSpec {

    public AvgPool2dSpec {
        PoolSpec.check("AvgPool2d", kernel, stride, padding);
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.AvgPool2d(kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding
                + ", count_include_pad=True)";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitAvgPool2d(this);
    }
}
