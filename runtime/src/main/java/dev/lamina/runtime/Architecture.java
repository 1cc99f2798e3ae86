package dev.lamina.runtime;

import dev.lamina.runtime.layers.LayerDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a network is made of: its name, the shape of one input sample and its stages in order. Generated
 * code builds one of these from the checked annotations; {@link LaminaNetwork} turns it into DJL
 * blocks.
 */
public final class Architecture {

    private final String name;
    private final long[] inputShape;
    private final List<StageDefinition> stages;

    private Architecture(String name, long[] inputShape, List<StageDefinition> stages) {
        this.name = name;
        this.inputShape = inputShape;
        this.stages = List.copyOf(stages);
    }

    /** Starts an architecture for network {@code name} whose samples have shape {@code inputShape}. */
    public static Builder builder(String name, long... inputShape) {
        return new Builder(name, inputShape);
    }

    public String name() {
        return name;
    }

    /** The shape of one sample, without the batch dimension. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    public List<StageDefinition> stages() {
        return stages;
    }

    /** The kind of the very last layer, which decides how outputs turn into probabilities. */
    String lastLayerKind() {
        List<LayerDefinition> lastLayers = stages.get(stages.size() - 1).layers();
        return lastLayers.get(lastLayers.size() - 1).kind();
    }

    /** Collects stages in the order they run. */
    public static final class Builder {
        private final String name;
        private final long[] inputShape;
        private final List<StageDefinition> stages = new ArrayList<>();

        private Builder(String name, long[] inputShape) {
            if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
                throw new IllegalArgumentException(
                        name + ": every input dimension must be positive, was " + Arrays.toString(inputShape));
            }
            this.name = name;
            this.inputShape = inputShape.clone();
        }

        /** Adds a stage; its layers run in the order given. */
        public Builder stage(String stageName, LayerDefinition... layers) {
            if (layers.length == 0) {
                throw new IllegalArgumentException(name + "." + stageName + ": a stage needs at least one layer");
            }
            stages.add(new StageDefinition(stageName, List.of(layers)));
            return this;
        }

        public Architecture build() {
            if (stages.isEmpty()) {
                throw new IllegalArgumentException(name + ": a network needs at least one stage");
            }
            return new Architecture(name, inputShape, stages);
        }
    }
}
