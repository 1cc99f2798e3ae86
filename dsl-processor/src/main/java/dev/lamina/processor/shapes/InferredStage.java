package dev.lamina.processor.shapes;

import dev.lamina.processor.model.Shape;
import dev.lamina.processor.model.StageModel;

import java.util.List;

/** A stage with its inferred layers. */
public record InferredStage(StageModel stage, List<InferredLayer> layers) {

    public InferredStage {
        layers = List.copyOf(layers);
    }

    public Shape output() {
        return layers.get(layers.size() - 1).output();
    }

    public long parameters() {
        return layers.stream().mapToLong(l -> l.trainableParameters() + l.nonTrainableParameters()).sum();
    }
}
