package dev.lamina.benchmarks;

import java.util.Arrays;

/**
 * One caller, one call at a time: each call timed on its own with {@link System#nanoTime}, after a warm-up
 * of a quarter as many calls (the JIT compiler, libtorch's first allocations).
 */
final class Latency {

    /** Percentiles of the timed calls, in microseconds. */
    record Percentiles(int calls, double p50, double p99, double mean) {}

    private Latency() {}

    static Percentiles measure(PredictionCall call, int inputs, int calls) throws Exception {
        for (int i = 0; i < calls / 4; i++) {
            call.call(i % inputs);
        }
        long[] nanos = new long[calls];
        long total = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.call(i % inputs);
            nanos[i] = System.nanoTime() - start;
            total += nanos[i];
        }
        Arrays.sort(nanos);
        return new Percentiles(calls, percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3,
                total / 1e3 / calls);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
