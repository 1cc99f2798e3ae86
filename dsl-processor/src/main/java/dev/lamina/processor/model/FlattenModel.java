package dev.lamina.processor.model;

import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.util.Optional;
import java.util.OptionalLong;

/** {@code @Flatten}. */
public record FlattenModel(Source source) implements LayerModel {

    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        return Optional.of(new FlattenSpec());
    }
}
