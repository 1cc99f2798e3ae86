package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/**
 * 2-d pooling over (C, H, W) samples with a square window, ceil_mode off, as PyTorch pools. The stride is
 * already defaulted to the window side.
 */
public sealed interface PoolSpec extends LayerSpec permits MaxPool2dSpec, AvgPool2dSpec {

    int kernel();

    int stride();

    int padding();

    /** The output side for an input side of {@code size}; zero or less when the window does not fit. */
    default long outputSide(long size) {
        return SlidingWindow.outputSize(size, kernel(), stride(), padding(), 1);
    }

    @Override
    default Shape outputShape(Shape input) {
        Checks.image(this, input);
        long height = outputSide(input.dim(1));
        long width = outputSide(input.dim(2));
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(describe() + " does not fit samples of shape " + input.withBatch());
        }
        return Shape.of(input.dim(0), height, width);
    }

    /** One comparison or addition per window element and output value. */
    @Override
    default long flops(Shape input) {
        return Math.multiplyExact(outputShape(input).size(), (long) kernel() * kernel());
    }

    @Override
    default String describe() {
        return kind() + "(" + kernel() + (stride() != kernel() ? ", s" + stride() : "")
                + (padding() != 0 ? ", p" + padding() : "") + ")";
    }

    /** PyTorch's rules: positive window and stride, padding at most half the window. */
    static void check(String kind, int kernel, int stride, int padding) {
        Checks.positive(kind, "kernel", kernel);
        Checks.positive(kind, "stride", stride);
        if (padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException(
                    kind + ": padding must be between 0 and half the window (" + kernel / 2 + "), was " + padding);
        }
    }
}
