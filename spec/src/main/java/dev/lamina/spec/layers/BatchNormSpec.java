package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

import java.util.List;

/**
 * {@code @BatchNorm}: PyTorch's {@code nn.BatchNorm1d} over the features of flat samples, {@code
 * nn.BatchNorm2d} over the channels of (C, H, W) samples, with PyTorch's momentum convention (the weight of
 * the new batch). Its parameters are the stage's submodule {@code bn}.
 */
public record BatchNormSpec(long features, double eps, double momentum) implements LayerSpec {

    public BatchNormSpec {
        Checks.positive("BatchNorm", "features", features);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("BatchNorm: eps must be positive and finite, was " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm: momentum must be in [0, 1], was " + momentum);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        // Over the first dimension: features of a flat sample, channels of an image.
        if (input.dim(0) != features) {
            throw new IllegalArgumentException(describe() + " expects " + features + " features or channels, got "
                    + input.withBatch());
        }
        return input;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("bn.weight", Shape.of(features), true),
                new ParameterSpec("bn.bias", Shape.of(features), true),
                new ParameterSpec("bn.running_mean", Shape.of(features), false),
                new ParameterSpec("bn.running_var", Shape.of(features), false));
    }

    /** Normalise, then scale and shift: two operations per value in eval mode. */
    @Override
    public long flops(Shape input) {
        return Math.multiplyExact(2, input.size());
    }

    @Override
    public String describe() {
        return "BatchNorm(" + features + ")";
    }

    /** {@code BatchNorm1d} or {@code BatchNorm2d}, by the rank of the samples. */
    public String pytorchClass(Shape input) {
        return input.isImage() ? "BatchNorm2d" : "BatchNorm1d";
    }

    @Override
    public String pytorch(Shape input) {
        return "nn." + pytorchClass(input) + "(" + features + ", eps=" + Python.number(eps) + ", momentum="
                + Python.number(momentum) + ")";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitBatchNorm(this);
    }
}
