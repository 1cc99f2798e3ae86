package dev.lamina.processor.model;

/** An activation annotation; {@code slope} only means something for LeakyReLU. */
public record ActivationModel(Source source, Activation activation, double slope) implements LayerModel {

    /** The activation functions, by the simple name of their annotation. */
    public enum Activation {
        ReLU,
        LeakyReLU,
        Sigmoid,
        Tanh,
        Softmax
    }

    @Override
    public String kind() {
        return activation.name();
    }
}
