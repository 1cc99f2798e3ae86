package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

import java.util.List;

/**
 * {@code @Conv2d}: PyTorch's {@code nn.Conv2d} with a square kernel on (C, H, W) samples; its weight
 * (out, in, kernel, kernel) and bias belong to the stage, like a Linear's.
 */
public record Conv2dSpec(long in, long out, int kernel, int stride, int padding, int dilation) implements LayerSpec {

    public Conv2dSpec {
        Checks.positive("Conv2d", "in", in);
        Checks.positive("Conv2d", "out", out);
        Checks.positive("Conv2d", "kernel", kernel);
        Checks.positive("Conv2d", "stride", stride);
        Checks.positive("Conv2d", "dilation", dilation);
        if (padding < 0) {
            throw new IllegalArgumentException("Conv2d: padding must not be negative, was " + padding);
        }
    }

    /** The output side for an input side of {@code size}; zero or less when the kernel does not fit. */
    public long outputSide(long size) {
        return SlidingWindow.outputSize(size, kernel, stride, padding, dilation);
    }

    @Override
    public Shape outputShape(Shape input) {
        Checks.image(this, input);
        if (input.dim(0) != in) {
            throw new IllegalArgumentException(describe() + " expects " + in + " channels, got " + input.withBatch());
        }
        long height = outputSide(input.dim(1));
        long width = outputSide(input.dim(2));
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(describe() + " does not fit samples of shape " + input.withBatch());
        }
        return Shape.of(out, height, width);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("weight", Shape.of(out, in, kernel, kernel), true),
                new ParameterSpec("bias", Shape.of(out), true));
    }

    @Override
    public long flops(Shape input) {
        Shape output = outputShape(input);
        long weights = Math.multiplyExact(Math.multiplyExact(out, in), (long) kernel * kernel);
        return Math.multiplyExact(Math.multiplyExact(2, weights), Math.multiplyExact(output.dim(1), output.dim(2)));
    }

    @Override
    public String describe() {
        return "Conv2d(" + in + ", " + out + ", k" + kernel
                + (stride != 1 ? ", s" + stride : "")
                + (padding != 0 ? ", p" + padding : "")
                + (dilation != 1 ? ", d" + dilation : "") + ")";
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.Conv2d(" + in + ", " + out + ", " + kernel + ", stride=" + stride + ", padding=" + padding
                + ", dilation=" + dilation + ")";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitConv2d(this);
    }
}
