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
import dev.lamina.runtime.StageDefinition;
import dev.lamina.runtime.layers.LayerDefinition;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
            return replace("Dropout", () -> new UnscaledDropout(0.2f));
        }
    }

    /** A ReLU that ignores its input and returns zeros. */
    static class InputIgnoringLayerTest extends MnistMlpNetworkTest {
        @Override
        protected Architecture architecture() {
            return replace("ReLU", () -> LambdaBlock.singleton(NDArray::zerosLike, "zeros"));
        }
    }

    /** The seed network with every layer of {@code kind} built by {@code factory} instead. */
    static Architecture replace(String kind, java.util.function.Supplier<Block> factory) {
        Architecture.Builder builder = Architecture.builder("MnistMlp", MnistMlpNetwork.ARCHITECTURE.inputShape());
        for (StageDefinition stage : MnistMlpNetwork.ARCHITECTURE.stages()) {
            LayerDefinition[] layers = stage.layers().stream()
                    .map(layer -> layer.kind().equals(kind) ? swapped(layer, factory) : layer)
                    .toArray(LayerDefinition[]::new);
            builder.stage(stage.name(), layers);
        }
        return builder.build();
    }

    private static LayerDefinition swapped(LayerDefinition original, java.util.function.Supplier<Block> factory) {
        return new LayerDefinition() {
            @Override
            public String kind() {
                return original.kind();
            }

            @Override
            public Block createBlock() {
                return factory.get();
            }

            @Override
            public Optional<String> parameterName(String stageName, String djlParameterName) {
                return Optional.empty();
            }
        };
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
