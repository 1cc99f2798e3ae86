package dev.lamina.processor.model;

import dev.lamina.spec.layers.GELUSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LeakyReLUSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.spec.layers.SigmoidSpec;
import dev.lamina.spec.layers.SoftmaxSpec;
import dev.lamina.spec.layers.TanhSpec;

import java.util.Optional;
import java.util.OptionalLong;

/** An activation annotation; {@code slope} only means something for LeakyReLU. */
public record ActivationModel(Source source, Activation activation, double slope) implements LayerModel {

    /** The activation functions, by the simple name of their annotation. */
    public enum Activation {
        ReLU,
        LeakyReLU,
        Sigmoid,
        Tanh,
        Softmax,
        GELU
    }

    @Override
    public String kind() {
        return activation.name();
    }

    @Override
    public Optional<LayerSpec> toSpec(OptionalLong inferredWidth) {
        return Optional.of(switch (activation) {
            case ReLU -> new ReLUSpec();
            case LeakyReLU -> new LeakyReLUSpec(slope);
            case Sigmoid -> new SigmoidSpec();
            case Tanh -> new TanhSpec();
            case Softmax -> new SoftmaxSpec();
            case GELU -> new GELUSpec();
        });
    }
}
