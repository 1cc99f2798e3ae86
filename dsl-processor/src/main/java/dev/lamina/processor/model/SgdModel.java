package dev.lamina.processor.model;

import java.util.Optional;

/** {@code @Sgd}. */
public record SgdModel(Optional<Source> source, double lr, double momentum, boolean nesterov, double weightDecay)
        implements OptimizerModel {

    @Override
    public String annotationName() {
        return "Sgd";
    }
}
