package dev.lamina.processor.shapes;

import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.model.Shape;

import java.util.List;

/** A network whose shapes and sizes are known: what the summary shows and the generator emits. */
public record InferredNetwork(NetworkModel model, List<InferredStage> stages) {

    public InferredNetwork {
        stages = List.copyOf(stages);
    }

    public Shape output() {
        return stages.get(stages.size() - 1).output();
    }

    public long trainableParameters() {
        return layers().mapToLong(InferredLayer::trainableParameters).sum();
    }

    public long nonTrainableParameters() {
        return layers().mapToLong(InferredLayer::nonTrainableParameters).sum();
    }

    public long flopsPerSample() {
        return layers().mapToLong(InferredLayer::flops).sum();
    }

    /** Bytes of every layer's output for one sample in a forward pass, as float32: the activation memory. */
    public long activationBytes() {
        return layers().mapToLong(l -> l.output() == null ? 0 : l.output().size()).sum() * Float.BYTES;
    }

    /** Bytes of all parameters and running statistics as float32. */
    public long parameterBytes() {
        return (trainableParameters() + nonTrainableParameters()) * Float.BYTES;
    }

    /**
     * Computes every total with overflow checks.
     *
     * @throws ArithmeticException if one exceeds a long
     */
    public void checkTotals() {
        long trainable = 0;
        long nonTrainable = 0;
        long flops = 0;
        long activations = 0;
        for (InferredLayer layer : layers().toList()) {
            trainable = Math.addExact(trainable, layer.trainableParameters());
            nonTrainable = Math.addExact(nonTrainable, layer.nonTrainableParameters());
            flops = Math.addExact(flops, layer.flops());
            activations = Math.addExact(activations, layer.output() == null ? 0 : layer.output().size());
        }
        Math.multiplyExact(Math.addExact(trainable, nonTrainable), (long) Float.BYTES);
        Math.multiplyExact(activations, (long) Float.BYTES);
    }

    private java.util.stream.Stream<InferredLayer> layers() {
        return stages.stream().flatMap(s -> s.layers().stream());
    }
}
