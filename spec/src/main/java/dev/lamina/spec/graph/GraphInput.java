package dev.lamina.spec.graph;

import dev.lamina.spec.Names;
import dev.lamina.spec.Shape;

/**
 * A named input of a graph network and the shape of one of its samples. Names are identifiers because they
 * become argument names of the generated Python {@code forward} and keys of the runtime's input map.
 */
public record GraphInput(String name, Shape shape) {

    public GraphInput {
        if (!Names.isIdentifier(name)) {
            throw new IllegalArgumentException("an input name must be a Java identifier, was " + name);
        }
        if (shape.rank() == 0 || shape.dims().stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException(name + ": every input dimension must be positive, was " + shape.dims());
        }
    }
}
