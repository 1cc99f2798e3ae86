package dev.lamina.runtime.layers;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

import java.util.Optional;
import java.util.function.Supplier;

/** An element-wise (or, for Softmax, per-sample) activation without parameters. */
record ActivationLayer(String kind, Supplier<Block> factory) implements LayerDefinition {

    static ActivationLayer relu() {
        return new ActivationLayer("ReLU", Activation::reluBlock);
    }

    static ActivationLayer leakyRelu(double slope) {
        return new ActivationLayer("LeakyReLU", () -> Activation.leakyReluBlock((float) slope));
    }

    static ActivationLayer sigmoid() {
        return new ActivationLayer("Sigmoid", Activation::sigmoidBlock);
    }

    static ActivationLayer tanh() {
        return new ActivationLayer("Tanh", Activation::tanhBlock);
    }

    static ActivationLayer softmax() {
        // Over the feature axis, like nn.Softmax(dim=1) on (N, C).
        return new ActivationLayer(
                "Softmax", () -> LambdaBlock.singleton(array -> array.softmax(1), "softmax"));
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
