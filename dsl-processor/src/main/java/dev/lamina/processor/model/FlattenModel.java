package dev.lamina.processor.model;

/** {@code @Flatten}. */
public record FlattenModel(Source source) implements LayerModel {

    @Override
    public String kind() {
        return "Flatten";
    }
}
