package dev.lamina.processor.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one sample, batch dimension excluded: {@code [784]} or {@code [1, 28, 28]}. A tuple from
 * the start, so image shapes fit without a redesign.
 */
public record Shape(List<Long> dims) {

    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(long... dims) {
        return new Shape(Arrays.stream(dims).boxed().toList());
    }

    public boolean isFlat() {
        return dims.size() == 1;
    }

    /** The width of a flat shape. */
    public long features() {
        if (!isFlat()) {
            throw new IllegalStateException("not a flat shape: " + this);
        }
        return dims.get(0);
    }

    /** The number of values in one sample. */
    public long size() {
        return dims.stream().reduce(1L, Math::multiplyExact);
    }

    /** As PyTorch prints a batch of this shape: {@code (N, 784)}. */
    public String withBatch() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(N, ", ")"));
    }

    @Override
    public String toString() {
        return withBatch();
    }
}
