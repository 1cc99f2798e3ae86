package dev.lamina.processor.model;

import dev.lamina.spec.layers.LayerSpec;

import java.util.Optional;
import java.util.OptionalLong;

/** One layer annotation on a stage field, as parsed. Values are as written; nothing is checked yet. */
public sealed interface LayerModel
        permits LinearModel, BatchNormModel, DropoutModel, ActivationModel, Conv2dModel, PoolModel, FlattenModel {

    /** The annotation's simple name, as users write it: {@code Linear}, {@code ReLU}. */
    String kind();

    Source source();

    /** Whether this layer is an activation function. */
    default boolean isActivation() {
        return this instanceof ActivationModel;
    }

    /**
     * The resolved layer, with {@code inferredWidth} (what flows in: features or channels) taking the place
     * of a width left to inference; empty while such a width is unknown.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    Optional<LayerSpec> toSpec(OptionalLong inferredWidth);
}
