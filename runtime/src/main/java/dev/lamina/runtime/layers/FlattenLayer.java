package dev.lamina.runtime.layers;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;

import java.util.Optional;

/** {@code @Flatten}: each sample becomes one dimension, like {@code nn.Flatten()}. */
public record FlattenLayer() implements LayerDefinition {

    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public Block createBlock() {
        return Blocks.batchFlattenBlock();
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.empty();
    }
}
