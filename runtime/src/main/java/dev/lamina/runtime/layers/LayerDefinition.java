package dev.lamina.runtime.layers;

import ai.djl.nn.Block;

import java.util.Optional;

/**
 * One layer of a stage, as the generated code describes it: knows how to build its DJL block with
 * PyTorch's semantics and initialisation, and what its parameters are called in Lamina.
 */
public interface LayerDefinition {

    /** The layer's annotation name, as the user wrote it: {@code Linear}, {@code ReLU}, ... */
    String kind();

    /** A new, uninitialised DJL block for this layer. */
    Block createBlock();

    /**
     * The Lamina name of one of the block's DJL parameters: {@code hidden1.weight} for the {@code weight}
     * of a Linear in stage {@code hidden1}. Empty for parameters Lamina does not expose.
     */
    Optional<String> parameterName(String stageName, String djlParameterName);
}
