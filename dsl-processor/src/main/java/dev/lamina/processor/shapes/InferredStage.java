package dev.lamina.processor.shapes;

import dev.lamina.processor.model.StageModel;
import dev.lamina.spec.Shape;

import java.util.List;

/** A stage with its inferred layers. */
public record InferredStage(StageModel stage, List<InferredLayer> layers) {

    public InferredStage {
        layers = List.copyOf(layers);
    }

    public Shape output() {
        return layers.get(layers.size() - 1).output();
    }
}
