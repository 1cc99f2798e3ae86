package dev.lamina.processor.model;

import java.util.OptionalInt;

/** {@code @Linear(in, out)}; {@code in} is empty when it is to be inferred. */
public record LinearModel(Source source, OptionalInt in, int out) implements LayerModel {

    @Override
    public String kind() {
        return "Linear";
    }
}
