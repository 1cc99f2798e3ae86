package dev.lamina.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.layers.DjlBlocks;
import dev.lamina.runtime.layers.LayerBlock;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The seed network with one layer swapped for a broken one, run through the generated MnistMlpNetworkTest:
 * the matching test must fail with a message that says what is wrong.
 */
final class BrokenNetworks {

    private BrokenNetworks() {}

    /** Dropout that zeroes units but forgets to scale the kept ones by 1/(1-p). */
    static class UnscaledDropoutTest extends MnistMlpNetworkTest {
        @Override
        protected Architecture architecture() {
            return replace(DropoutSpec.class, () -> new UnscaledDropout(0.2f));
        }
    }

    /** A ReLU that ignores its input and returns zeros. */
    static class InputIgnoringLayerTest extends MnistMlpNetworkTest {
        @Override
        protected Architecture architecture() {
            return replace(ReLUSpec.class, () -> LambdaBlock.singleton(NDArray::zerosLike, "zeros"));
        }
    }

    /** The seed network with every layer of {@code kind} built by {@code factory} instead. */
    static Architecture replace(Class<? extends LayerSpec> kind, Supplier<Block> factory) {
        return MnistMlpNetwork.ARCHITECTURE.withBlocks(layer -> kind.isInstance(layer)
                ? new LayerBlock(factory.get(), Map.of())
                : DjlBlocks.build(layer));
    }

    static final class UnscaledDropout extends AbstractBlock {
        private final float rate;

        UnscaledDropout(float rate) {
            this.rate = rate;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            if (!training) {
                return inputs;
            }
            NDArray keep = x.getManager().randomUniform(0, 1, x.getShape()).gte(rate);
            return new NDList(x.mul(keep));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
