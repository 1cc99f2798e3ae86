package dev.lamina.processor.model;

import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.util.Optional;
import java.util.OptionalLong;

/** {@code @Dropout(p)}. */
public record DropoutModel(Source source, double p) implements LayerModel {

    @Override
    public String kind() {
        return "Dropout";
    }

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        return Optional.of(new DropoutSpec(p));
    }
}
