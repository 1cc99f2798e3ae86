package dev.lamina.processor.model;

import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.util.Optional;
import java.util.OptionalLong;

import java.util.OptionalInt;

/** {@code @Conv2d}; {@code in} is empty when it is to be inferred. */
public record Conv2dModel(Source source, OptionalInt in, int out, int kernel, int stride, int padding, int dilation)
        implements LayerModel {

    @Override
    public String kind() {
        return "Conv2d";
    }

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        OptionalLong width = inferredWidth.isPresent() ? inferredWidth
                : in.isPresent() ? OptionalLong.of(in.getAsInt()) : OptionalLong.empty();
        return width.isPresent()
                ? Optional.of(new Conv2dSpec(width.getAsLong(), out, kernel, stride, padding, dilation))
                : Optional.empty();
    }
}
