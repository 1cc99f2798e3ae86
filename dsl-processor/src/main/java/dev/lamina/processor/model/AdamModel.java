package dev.lamina.processor.model;

import java.util.Optional;

/** {@code @Adam}, or the default optimizer of a network that declares none. */
public record AdamModel(Optional<Source> source, double lr, double beta1, double beta2, double eps,
        double weightDecay) implements OptimizerModel {

    /** What a network with {@code @Train} and no optimizer annotation trains with: {@code @Adam}'s defaults. */
    public static AdamModel implicitDefault() {
        return new AdamModel(Optional.empty(), 1e-3, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public String annotationName() {
        return "Adam";
    }
}
