package dev.lamina.processor.model;

import dev.lamina.spec.layers.AvgPool2dSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;

import java.util.Optional;
import java.util.OptionalLong;

/** {@code @MaxPool2d} or {@code @AvgPool2d}; {@code stride} already defaulted to the window side. */
public record PoolModel(Source source, String kind, int kernel, int stride, int padding) implements LayerModel {

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        return Optional.of(kind.equals("MaxPool2d")
                ? new MaxPool2dSpec(kernel, stride, padding)
                : new AvgPool2dSpec(kernel, stride, padding));
    }
}
