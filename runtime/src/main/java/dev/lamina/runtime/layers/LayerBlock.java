package dev.lamina.runtime.layers;

import ai.djl.nn.Block;

import java.util.Map;

/**
 * A layer's DJL block and the names its parameters have in Lamina.
 *
 * @param parameterNames DJL's name of each parameter Lamina keeps to its name relative to the stage, as the
 *     layer's spec lists it ({@code gamma} to {@code bn.weight}); parameters not listed are not Lamina's
 */
public record LayerBlock(Block block, Map<String, String> parameterNames) {

    public LayerBlock {
        parameterNames = Map.copyOf(parameterNames);
    }

    static LayerBlock withoutParameters(Block block) {
        return new LayerBlock(block, Map.of());
    }
}
