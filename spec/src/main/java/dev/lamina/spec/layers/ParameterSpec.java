package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/**
 * A parameter or running statistic of a layer.
 *
 * @param name relative to the stage: {@code weight}, {@code bn.running_mean}; the network's name for it is
 *     {@code <stage>.<name>}, which is also PyTorch's {@code state_dict} name in the export
 * @param trainable whether the optimizer updates it (weights, biases) rather than the forward pass (running
 *     statistics)
 */
public record ParameterSpec(String name, Shape shape, boolean trainable) {}
