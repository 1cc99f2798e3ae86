package dev.lamina.processor.model;

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
}
