package dev.lamina.runtime.layers;

import dev.lamina.spec.layers.LayerSpec;

/**
 * Builds the DJL block of a layer. {@link DjlBlocks} builds every kind with PyTorch's semantics; another
 * factory can stand in for some kinds, for example to try a different implementation of a layer, or to
 * prove that a test catches a broken one.
 */
@FunctionalInterface
public interface BlockFactory {

    /** A new, uninitialised block for {@code layer}, with the names of the parameters Lamina keeps. */
    LayerBlock build(LayerSpec layer);
}
