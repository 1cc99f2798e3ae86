package dev.lamina.processor.model;

import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.util.Optional;
import java.util.OptionalLong;

import java.util.OptionalInt;

/** {@code @BatchNorm(features, eps, momentum)}; {@code features} is empty when it is to be inferred. */
public record BatchNormModel(Source source, OptionalInt features, double eps, double momentum)
        implements LayerModel {

    @Override
    public String kind() {
        return "BatchNorm";
    }

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        OptionalLong width = inferredWidth.isPresent() ? inferredWidth
                : features.isPresent() ? OptionalLong.of(features.getAsInt()) : OptionalLong.empty();
        return width.isPresent()
                ? Optional.of(new BatchNormSpec(width.getAsLong(), eps, momentum))
                : Optional.empty();
    }
}
