package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

/** A parameterless activation applied to every value (Softmax: to each sample's values); shapes pass through. */
public sealed interface ActivationSpec extends LayerSpec
        permits ReLUSpec, LeakyReLUSpec, SigmoidSpec, TanhSpec, SoftmaxSpec, GELUSpec {

    @Override
    default Shape outputShape(Shape input) {
        return input;
    }

    /** Operations per value in the summary's FLOP count. */
    default long flopsPerValue() {
        return 1;
    }

    @Override
    default long flops(Shape input) {
        return Math.multiplyExact(flopsPerValue(), input.size());
    }

    @Override
    default String describe() {
        return kind();
    }

    @Override
    default String pytorch(Shape input) {
        return "nn." + kind() + "()";
    }
}
