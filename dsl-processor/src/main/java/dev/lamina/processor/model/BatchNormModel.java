package dev.lamina.processor.model;

import java.util.OptionalInt;

/** {@code @BatchNorm(features, eps, momentum)}; {@code features} is empty when it is to be inferred. */
public record BatchNormModel(Source source, OptionalInt features, double eps, double momentum)
        implements LayerModel {

    @Override
    public String kind() {
        return "BatchNorm";
    }
}
