package dev.lamina.runtime.layers;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An element-wise (or, for Softmax, per-sample) activation without parameters; {@code slope} is
 * LeakyReLU's negative slope and 0 for the others.
 */
public record ActivationLayer(String kind, double slope, Supplier<Block> factory) implements LayerDefinition {

    static ActivationLayer relu() {
        return new ActivationLayer("ReLU", 0, Activation::reluBlock);
    }

    static ActivationLayer leakyRelu(double slope) {
        return new ActivationLayer("LeakyReLU", slope, () -> Activation.leakyReluBlock((float) slope));
    }

    static ActivationLayer sigmoid() {
        return new ActivationLayer("Sigmoid", 0, Activation::sigmoidBlock);
    }

    static ActivationLayer tanh() {
        return new ActivationLayer("Tanh", 0, Activation::tanhBlock);
    }

    static ActivationLayer softmax() {
        // Over the feature axis, like nn.Softmax(dim=1) on (N, C).
        return new ActivationLayer(
                "Softmax", 0, () -> LambdaBlock.singleton(array -> array.softmax(1), "softmax"));
    }

    @Override
    public Block createBlock() {
        return factory.get();
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.empty();
    }
}
