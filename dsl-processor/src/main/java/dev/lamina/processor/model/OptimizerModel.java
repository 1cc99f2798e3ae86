package dev.lamina.processor.model;

import java.util.Optional;

/**
 * A network's optimizer as its annotation declares it: each kind carries only the hyper-parameters it
 * has, so a check or the generator cannot read Adam's betas off an SGD optimizer.
 */
public sealed interface OptimizerModel permits AdamModel, SgdModel {

    /** Where it is declared; empty for the implicit default Adam, which has nothing to underline. */
    Optional<Source> source();

    /** The annotation's simple name, as diagnostics quote it: {@code Adam}, {@code Sgd}. */
    String annotationName();

    double lr();

    double weightDecay();
}
