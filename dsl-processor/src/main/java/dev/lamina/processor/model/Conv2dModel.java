package dev.lamina.processor.model;

import java.util.OptionalInt;

/** {@code @Conv2d}; {@code in} is empty when it is to be inferred. */
public record Conv2dModel(Source source, OptionalInt in, int out, int kernel, int stride, int padding, int dilation)
        implements LayerModel {

    @Override
    public String kind() {
        return "Conv2d";
    }
}
