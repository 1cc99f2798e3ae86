package dev.lamina.runtime.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;

import java.util.Optional;

/**
 * {@code @MaxPool2d} and {@code @AvgPool2d}: PyTorch's pooling with ceil_mode off; average pooling counts
 * padding zeros, as PyTorch's default {@code count_include_pad=True} does.
 */
public record PoolLayer(String kind, int kernel, int stride, int padding) implements LayerDefinition {

    @Override
    public Block createBlock() {
        Shape window = new Shape(kernel, kernel);
        Shape step = new Shape(stride, stride);
        Shape pad = new Shape(padding, padding);
        return kind.equals("MaxPool2d")
                ? Pool.maxPool2dBlock(window, step, pad, false)
                : Pool.avgPool2dBlock(window, step, pad, false, true);
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.empty();
    }
}
