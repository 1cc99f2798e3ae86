package dev.lamina.runtime.export;

import java.util.List;

/**
 * A network as the export needs it: name, sample shape, stages with their layers, output shapes and
 * parameter counts (running statistics included, as in the summary).
 */
record ExportedNetwork(
        String name, long[] inputShape, List<Stage> stages, long trainableParameters, long nonTrainableParameters) {

    ExportedNetwork {
        inputShape = inputShape.clone();
        stages = List.copyOf(stages);
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** One stage: its Lamina name, layers in execution order, output shape of one sample and parameter count. */
    record Stage(String name, List<ExportedLayer> layers, long[] outputShape, long parameters) {

        Stage {
            layers = List.copyOf(layers);
            outputShape = outputShape.clone();
        }

        @Override
        public long[] outputShape() {
            return outputShape.clone();
        }
    }
}
