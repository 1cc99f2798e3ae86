package dev.lamina.runtime;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats shapes the way PyTorch prints them, with {@code N} for the batch dimension where unknown. */
final class Shapes {

    private Shapes() {}

    static String format(long[] dims) {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    static String withBatch(long[] sampleShape) {
        return Arrays.stream(sampleShape)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "(N, ", ")"));
    }
}
