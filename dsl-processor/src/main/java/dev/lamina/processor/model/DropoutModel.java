package dev.lamina.processor.model;

/** {@code @Dropout(p)}. */
public record DropoutModel(Source source, double p) implements LayerModel {

    @Override
    public String kind() {
        return "Dropout";
    }
}
