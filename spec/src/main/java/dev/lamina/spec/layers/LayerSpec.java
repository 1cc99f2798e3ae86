package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

import java.util.List;

/**
 * One layer of a network, with every value resolved: what the processor inferred and checked, what
 * generated code instantiates, what the runtime builds DJL blocks from, what the PyTorch export writes and
 * what a model file stores as JSON. Each kind knows its own output shape, parameters and cost, as a Keras
 * layer owns {@code compute_output_shape}, so no other part of Lamina repeats those formulas.
 *
 * <p>A record's name is its annotation's name plus {@code Spec}; {@link #kind()} relies on it.
 * Adding a kind: see {@code docs/DESIGN.md}, "Adding a layer kind".
 */
public sealed interface LayerSpec permits LinearSpec, Conv2dSpec, PoolSpec, FlattenSpec, BatchNormSpec, DropoutSpec,
        ActivationSpec {

    /** The annotation's simple name, as users write it: {@code Linear}, {@code ReLU}. */
    default String kind() {
        String type = getClass().getSimpleName();
        return type.substring(0, type.length() - "Spec".length());
    }

    /**
     * The shape of one sample after this layer.
     *
     * @throws IllegalArgumentException if this layer cannot take samples of shape {@code input}, saying why
     * @throws ArithmeticException if a size exceeds a long
     */
    Shape outputShape(Shape input);

    /** The layer's parameters and running statistics, named relative to their stage, in DJL's order. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /** How many values {@link #parameters()} hold, trainable or not. */
    default long parameterCount() {
        return parameters().stream().mapToLong(p -> p.shape().size()).reduce(0, Math::addExact);
    }

    /** Floating point operations of one sample's eval-mode forward pass. */
    default long flops(Shape input) {
        return 0;
    }

    /** The layer as the summary shows it: {@code Linear(784, 300)}, {@code Dropout(0.2)}, {@code ReLU}. */
    String describe();

    /**
     * The equivalent PyTorch module for samples of shape {@code input}, as Python source:
     * {@code nn.Linear(784, 300)}, {@code nn.BatchNorm2d(6, eps=1e-05, momentum=0.1)}.
     */
    String pytorch(Shape input);

    /**
     * Whether the outputs already are probabilities (Softmax, Sigmoid), so that a network ending here
     * needs no transform to predict them.
     */
    default boolean outputsProbabilities() {
        return false;
    }

    /** Calls the visitor's method for this kind; a new kind fails to compile until every visitor handles it. */
    <R> R accept(LayerVisitor<R> visitor);
}
