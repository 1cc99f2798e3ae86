package dev.lamina.spec;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one sample, batch dimension excluded: {@code [784]} or {@code [1, 28, 28]}. Every layer maps
 * one shape to the next, so flat and image networks are described alike.
 */
public record Shape(List<Long> dims) {

    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(long... dims) {
        return new Shape(Arrays.stream(dims).boxed().toList());
    }

    public int rank() {
        return dims.size();
    }

    public long dim(int index) {
        return dims.get(index);
    }

    public boolean isFlat() {
        return dims.size() == 1;
    }

    /** Whether samples are (C, H, W) images. */
    public boolean isImage() {
        return dims.size() == 3;
    }

    /** The width of a flat shape. */
    public long features() {
        if (!isFlat()) {
            throw new IllegalStateException("not a flat shape: " + this);
        }
        return dims.get(0);
    }

    /**
     * The number of values in one sample.
     *
     * @throws ArithmeticException if it exceeds a long
     */
    public long size() {
        return dims.stream().reduce(1L, Math::multiplyExact);
    }

    public long[] toArray() {
        return dims.stream().mapToLong(Long::longValue).toArray();
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
