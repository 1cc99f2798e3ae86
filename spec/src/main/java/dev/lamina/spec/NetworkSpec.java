package dev.lamina.spec;

import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.ParameterSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole network: its name, the shape of one input sample and its stages in order. Construction follows
 * the sample through every layer, so a network whose layers do not fit together cannot exist; the shapes
 * it computed are kept for the summary, the runtime and the export.
 */
public record NetworkSpec(String name, Shape input, List<StageSpec> stages) {

    public NetworkSpec {
        if (!Names.isNetworkName(name)) {
            throw new IllegalArgumentException("a network name may only use letters, digits, '_', '-', '.' and"
                    + " single inner spaces, was " + StageSpec.quoted(name));
        }
        if (input.rank() == 0 || input.dims().stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException(name + ": every input dimension must be positive, was " + input.dims());
        }
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException(name + ": a network needs at least one stage");
        }
        Set<String> seen = new HashSet<>();
        for (StageSpec stage : stages) {
            if (!seen.add(stage.name())) {
                throw new IllegalArgumentException(name + " has two stages named " + stage.name());
            }
        }
        trace(name, input, stages);
    }

    /** A layer with the shapes around it. */
    public record ShapedLayer(LayerSpec layer, Shape input, Shape output) {

        public long flops() {
            return layer.flops(input);
        }
    }

    /** A stage with its layers' shapes. */
    public record ShapedStage(StageSpec stage, List<ShapedLayer> layers) {

        public ShapedStage {
            layers = List.copyOf(layers);
        }

        public String name() {
            return stage.name();
        }

        public Shape output() {
            return layers.get(layers.size() - 1).output();
        }
    }

    /** Every stage with the shape before and after each of its layers. */
    public List<ShapedStage> shapedStages() {
        return trace(name, input, stages);
    }

    private static List<ShapedStage> trace(String name, Shape input, List<StageSpec> stages) {
        List<ShapedStage> shaped = new ArrayList<>();
        Shape current = input;
        for (StageSpec stage : stages) {
            List<ShapedLayer> layers = new ArrayList<>();
            for (LayerSpec layer : stage.layers()) {
                Shape output;
                try {
                    output = layer.outputShape(current);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + "." + stage.name() + ": " + e.getMessage(), e);
                }
                layers.add(new ShapedLayer(layer, current, output));
                current = output;
            }
            shaped.add(new ShapedStage(stage, layers));
        }
        return shaped;
    }

    /** The shape of one sample of the network's output. */
    public Shape output() {
        List<ShapedStage> shaped = shapedStages();
        return shaped.get(shaped.size() - 1).output();
    }

    /** The very last layer, which decides how outputs become probabilities. */
    public LayerSpec lastLayer() {
        List<LayerSpec> layers = stages.get(stages.size() - 1).layers();
        return layers.get(layers.size() - 1);
    }

    /** Every layer in execution order. */
    public List<LayerSpec> layers() {
        return stages.stream().flatMap(stage -> stage.layers().stream()).toList();
    }

    /** Every parameter and running statistic under its network name, in order. */
    public List<ParameterSpec> parameters() {
        return stages.stream().flatMap(stage -> stage.parameters().stream()).toList();
    }

    public long trainableParameters() {
        return parameters().stream().filter(ParameterSpec::trainable).mapToLong(p -> p.shape().size())
                .reduce(0, Math::addExact);
    }

    public long nonTrainableParameters() {
        return parameters().stream().filter(p -> !p.trainable()).mapToLong(p -> p.shape().size())
                .reduce(0, Math::addExact);
    }

    /** Floating point operations of one sample's eval-mode forward pass. */
    public long flopsPerSample() {
        return shapedLayers().mapToLong(ShapedLayer::flops).reduce(0, Math::addExact);
    }

    /** How many values one sample's forward pass creates, every layer's output together. */
    public long activationValuesPerSample() {
        return shapedLayers().mapToLong(l -> l.output().size()).reduce(0, Math::addExact);
    }

    private java.util.stream.Stream<ShapedLayer> shapedLayers() {
        return shapedStages().stream().flatMap(stage -> stage.layers().stream());
    }
}
