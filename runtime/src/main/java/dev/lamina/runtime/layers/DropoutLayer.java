package dev.lamina.runtime.layers;

import ai.djl.nn.Block;

import java.util.Optional;

/** {@code @Dropout}: inverted dropout (kept values scaled by 1/(1-p)), identity in eval mode. */
public record DropoutLayer(double p) implements LayerDefinition {

    public DropoutLayer {
        if (!(p >= 0 && p < 1)) { // also rejects NaN
            throw new IllegalArgumentException("Dropout p must be in [0, 1), was " + p);
        }
    }

    @Override
    public String kind() {
        return "Dropout";
    }

    @Override
    public Block createBlock() {
        return new UniformMaskDropout(p);
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.empty();
    }
}
