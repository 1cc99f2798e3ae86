package dev.lamina.runtime.layers;

import ai.djl.nn.Block;

import java.util.Map;
import java.util.Optional;

/** {@code @BatchNorm}: PyTorch's {@code nn.BatchNorm1d} over the feature axis. */
public record BatchNormLayer(long features, double eps, double momentum) implements LayerDefinition {

    /** DJL's parameter names mapped to PyTorch's, under the stage's {@code bn} prefix. */
    private static final Map<String, String> PYTORCH_NAMES =
            Map.of(
                    "gamma", "weight",
                    "beta", "bias",
                    "runningMean", "running_mean",
                    "runningVar", "running_var");

    @Override
    public String kind() {
        return "BatchNorm";
    }

    @Override
    public Block createBlock() {
        return new PyTorchBatchNorm(features, eps, momentum);
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.ofNullable(PYTORCH_NAMES.get(djlParameterName))
                .map(name -> stageName + ".bn." + name);
    }
}
