package dev.lamina.processor.shapes;

import dev.lamina.processor.model.NetworkModel;
import dev.lamina.spec.NetworkSpec;
import dev.lamina.spec.Shape;
import dev.lamina.spec.StageSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/** A network whose shapes are inferred: what the validators check and, once valid, what is generated. */
public record InferredNetwork(NetworkModel model, List<InferredStage> stages) {

    public InferredNetwork {
        stages = List.copyOf(stages);
    }

    public Shape output() {
        return stages.get(stages.size() - 1).output();
    }

    /**
     * The network as the runtime builds it. Only for a network without errors, where every layer resolved.
     *
     * @throws IllegalStateException if a layer is unresolved
     */
    public NetworkSpec spec() {
        List<StageSpec> specs = new ArrayList<>();
        for (InferredStage stage : stages) {
            List<LayerSpec> layers = new ArrayList<>();
            for (InferredLayer layer : stage.layers()) {
                layers.add(layer.resolved().orElseThrow(() -> new IllegalStateException(
                        stage.stage().name() + ": @" + layer.layer().kind() + " is unresolved")));
            }
            specs.add(new StageSpec(stage.stage().name(), layers));
        }
        return new NetworkSpec(model.name(), model.input(), specs);
    }

    /**
     * Computes every total of the resolved layers with overflow checks, as the summary will.
     *
     * @throws ArithmeticException if one exceeds a long
     */
    public void checkTotals() {
        long parameters = 0;
        long flops = 0;
        long activations = 0;
        for (InferredStage stage : stages) {
            for (InferredLayer layer : stage.layers()) {
                parameters = Math.addExact(parameters, Math.addExact(layer.parameters(true), layer.parameters(false)));
                flops = Math.addExact(flops, layer.flops());
                activations = Math.addExact(activations, layer.output() == null ? 0 : layer.output().size());
            }
        }
        Math.multiplyExact(parameters, (long) Float.BYTES);
        Math.multiplyExact(activations, (long) Float.BYTES);
    }
}
