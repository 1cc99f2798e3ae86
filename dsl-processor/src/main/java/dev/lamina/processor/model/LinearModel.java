package dev.lamina.processor.model;

import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LinearSpec;

import java.util.Optional;
import java.util.OptionalLong;

import java.util.OptionalInt;

/** {@code @Linear(in, out)}; {@code in} is empty when it is to be inferred. */
public record LinearModel(Source source, OptionalInt in, int out) implements LayerModel {

    @Override
    public String kind() {
        return "Linear";
    }

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        OptionalLong width = inferredWidth.isPresent() ? inferredWidth
                : in.isPresent() ? OptionalLong.of(in.getAsInt()) : OptionalLong.empty();
        return width.isPresent() ? Optional.of(new LinearSpec(width.getAsLong(), out)) : Optional.empty();
    }
}
