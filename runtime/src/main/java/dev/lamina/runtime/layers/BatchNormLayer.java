package dev.lamina.runtime.layers;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;

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
        // DJL weighs the *old* running statistics with its momentum, PyTorch the *new* batch: DJL's
        // engine passes 1 - momentum to torch, so PyTorch's momentum m is DJL's 1 - m. (A direct
        // torch::batch_norm block was tried for speed; it turned a CNN's loss NaN within a few steps where
        // DJL's block does not, so DJL's block stays until that is understood.)
        return BatchNorm.builder()
                .optAxis(1)
                .optEpsilon((float) eps)
                .optMomentum((float) (1.0 - momentum))
                .build();
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.ofNullable(PYTORCH_NAMES.get(djlParameterName))
                .map(name -> stageName + ".bn." + name);
    }
}
