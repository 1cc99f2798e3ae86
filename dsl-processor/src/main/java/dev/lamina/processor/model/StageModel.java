package dev.lamina.processor.model;

import java.util.List;

import javax.lang.model.element.VariableElement;

/** One {@code Layer} field: a stage whose layers run in the order their annotations are written. */
public record StageModel(VariableElement field, List<LayerModel> layers) {

    public StageModel {
        layers = List.copyOf(layers);
    }

    public String name() {
        return field.getSimpleName().toString();
    }
}
