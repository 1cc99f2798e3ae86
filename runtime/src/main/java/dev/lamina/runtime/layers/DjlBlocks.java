package dev.lamina.runtime.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.UniformInitializer;

import dev.lamina.spec.layers.AvgPool2dSpec;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.GELUSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LayerVisitor;
import dev.lamina.spec.layers.LeakyReLUSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.spec.layers.SigmoidSpec;
import dev.lamina.spec.layers.SoftmaxSpec;
import dev.lamina.spec.layers.TanhSpec;

import java.util.Map;

/**
 * Builds each layer kind's DJL block with PyTorch's semantics and initialisation: the runtime's one place
 * per layer kind. Blocks are new and uninitialised.
 */
public final class DjlBlocks implements LayerVisitor<LayerBlock> {

    /** Lamina's blocks for every layer kind. */
    public static final BlockFactory FACTORY = DjlBlocks::build;

    private static final DjlBlocks INSTANCE = new DjlBlocks();

    /** Parameters a weight-owning layer keeps directly on its stage: {@code hidden1.weight}. */
    private static final Map<String, String> WEIGHT_AND_BIAS = Map.of("weight", "weight", "bias", "bias");

    /** DJL's BatchNorm parameter names mapped to PyTorch's, under the stage's {@code bn} submodule. */
    private static final Map<String, String> BATCH_NORM_NAMES = Map.of(
            "gamma", "bn.weight",
            "beta", "bn.bias",
            "runningMean", "bn.running_mean",
            "runningVar", "bn.running_var");

    private DjlBlocks() {}

    /** A new block for {@code layer}. */
    public static LayerBlock build(LayerSpec layer) {
        return layer.accept(INSTANCE);
    }

    @Override
    public LayerBlock visitLinear(LinearSpec layer) {
        Linear linear = Linear.builder().setUnits(layer.out()).optBias(true).build();
        // PyTorch draws weight and bias from U(-1/sqrt(in), 1/sqrt(in)) (kaiming_uniform with a=sqrt(5));
        // DJL's defaults (Xavier weights, zero bias) would train differently from the notebook.
        initialiseUniform(linear, 1.0 / Math.sqrt(layer.in()));
        return new LayerBlock(linear, WEIGHT_AND_BIAS);
    }

    @Override
    public LayerBlock visitConv2d(Conv2dSpec layer) {
        Conv2d conv = Conv2d.builder()
                .setFilters(Math.toIntExact(layer.out()))
                .setKernelShape(new Shape(layer.kernel(), layer.kernel()))
                .optStride(new Shape(layer.stride(), layer.stride()))
                .optPadding(new Shape(layer.padding(), layer.padding()))
                .optDilation(new Shape(layer.dilation(), layer.dilation()))
                .optBias(true)
                .build();
        // PyTorch: weight and bias uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)], fan_in = in * kernel^2.
        initialiseUniform(conv, 1.0 / Math.sqrt((double) layer.in() * layer.kernel() * layer.kernel()));
        return new LayerBlock(conv, WEIGHT_AND_BIAS);
    }

    private static void initialiseUniform(Block block, double bound) {
        for (Parameter parameter : block.getDirectParameters().values()) {
            parameter.setInitializer(new UniformInitializer((float) bound));
        }
    }

    @Override
    public LayerBlock visitMaxPool2d(MaxPool2dSpec layer) {
        return LayerBlock.withoutParameters(Pool.maxPool2dBlock(window(layer.kernel()), window(layer.stride()),
                window(layer.padding()), false));
    }

    @Override
    public LayerBlock visitAvgPool2d(AvgPool2dSpec layer) {
        // count_include_pad=True, PyTorch's default.
        return LayerBlock.withoutParameters(Pool.avgPool2dBlock(window(layer.kernel()), window(layer.stride()),
                window(layer.padding()), false, true));
    }

    private static Shape window(int side) {
        return new Shape(side, side);
    }

    @Override
    public LayerBlock visitFlatten(FlattenSpec layer) {
        return LayerBlock.withoutParameters(Blocks.batchFlattenBlock());
    }

    @Override
    public LayerBlock visitBatchNorm(BatchNormSpec layer) {
        // DJL weighs the *old* running statistics with its momentum, PyTorch the *new* batch: DJL's
        // engine passes 1 - momentum to torch, so PyTorch's momentum m is DJL's 1 - m. (A direct
        // torch::batch_norm block was tried for speed; it turned a CNN's loss NaN within a few steps where
        // DJL's block does not, so DJL's block stays until that is understood.)
        BatchNorm batchNorm = BatchNorm.builder()
                .optAxis(1)
                .optEpsilon((float) layer.eps())
                .optMomentum((float) (1.0 - layer.momentum()))
                .build();
        return new LayerBlock(batchNorm, BATCH_NORM_NAMES);
    }

    @Override
    public LayerBlock visitDropout(DropoutSpec layer) {
        return LayerBlock.withoutParameters(new UniformMaskDropout(layer.p()));
    }

    @Override
    public LayerBlock visitReLU(ReLUSpec layer) {
        return LayerBlock.withoutParameters(Activation.reluBlock());
    }

    @Override
    public LayerBlock visitLeakyReLU(LeakyReLUSpec layer) {
        return LayerBlock.withoutParameters(Activation.leakyReluBlock((float) layer.slope()));
    }

    @Override
    public LayerBlock visitSigmoid(SigmoidSpec layer) {
        return LayerBlock.withoutParameters(Activation.sigmoidBlock());
    }

    @Override
    public LayerBlock visitTanh(TanhSpec layer) {
        return LayerBlock.withoutParameters(Activation.tanhBlock());
    }

    @Override
    public LayerBlock visitSoftmax(SoftmaxSpec layer) {
        // Over the feature axis, like nn.Softmax(dim=1) on (N, C).
        return LayerBlock.withoutParameters(LambdaBlock.singleton(array -> array.softmax(1), "softmax"));
    }

    @Override
    public LayerBlock visitGELU(GELUSpec layer) {
        // libtorch's gelu with its default approximate='none', as nn.GELU().
        return LayerBlock.withoutParameters(Activation.geluBlock());
    }
}
