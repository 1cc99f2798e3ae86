package dev.lamina.runtime;

import dev.lamina.runtime.layers.LayerDefinition;

import java.util.List;

/** One stage of a network: the field it was declared as and its layers, in execution order. */
public record StageDefinition(String name, List<LayerDefinition> layers) {

    public StageDefinition {
        layers = List.copyOf(layers);
    }
}
