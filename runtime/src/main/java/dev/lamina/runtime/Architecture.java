package dev.lamina.runtime;

import dev.lamina.runtime.layers.BlockFactory;
import dev.lamina.runtime.layers.DjlBlocks;
import dev.lamina.spec.NetworkSpec;
import dev.lamina.spec.Shape;
import dev.lamina.spec.StageSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a network is made of, as the runtime takes it: a {@link NetworkSpec} (name, sample shape, stages of
 * layer specs). Generated code builds one from the checked annotations; {@link LaminaNetwork} turns it into
 * DJL blocks. The builder checks what the compiler checks for generated code, so a hand-built network
 * whose layers do not fit together fails here, naming the stage.
 */
public final class Architecture {

    private final NetworkSpec spec;
    private final BlockFactory blocks;

    private Architecture(NetworkSpec spec, BlockFactory blocks) {
        this.spec = spec;
        this.blocks = blocks;
    }

    /** Starts an architecture for network {@code name} whose samples have shape {@code inputShape}. */
    public static Builder builder(String name, long... inputShape) {
        return new Builder(name, inputShape);
    }

    /** The architecture a spec describes, for example one read from a model file. */
    public static Architecture of(NetworkSpec spec) {
        return new Architecture(spec, DjlBlocks.FACTORY);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** How the layers become DJL blocks: {@link DjlBlocks} unless {@link #withBlocks} said otherwise. */
    public BlockFactory blocks() {
        return blocks;
    }

    /**
     * The same architecture with its layers built by {@code factory}; the parameters it builds must still be
     * those the layer specs list.
     */
    public Architecture withBlocks(BlockFactory factory) {
        return new Architecture(spec, factory);
    }

    public String name() {
        return spec.name();
    }

    /** The shape of one sample, without the batch dimension. */
    public long[] inputShape() {
        return spec.input().toArray();
    }

    public List<StageSpec> stages() {
        return spec.stages();
    }

    /** Collects stages in the order they run. */
    public static final class Builder {
        private final String name;
        private final long[] inputShape;
        private final List<StageSpec> stages = new ArrayList<>();

        private Builder(String name, long[] inputShape) {
            this.name = name;
            this.inputShape = inputShape.clone();
        }

        /**
         * Adds a stage; its layers run in the order given.
         *
         * @throws IllegalArgumentException if the name is not a Java identifier or there are no layers
         */
        public Builder stage(String stageName, LayerSpec... layers) {
            stages.add(new StageSpec(stageName, List.of(layers)));
            return this;
        }

        /** @throws IllegalArgumentException if the network is empty or its layers do not fit together */
        public Architecture build() {
            return new Architecture(new NetworkSpec(name, Shape.of(inputShape), stages), DjlBlocks.FACTORY);
        }
    }
}
