package dev.lamina.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code callers} threads calling a predictor in a loop, as a service's request threads would: a warm-up of
 * {@code seconds}, then the rows predicted in the next {@code seconds}. Each caller starts at its own offset in
 * the inputs, so concurrent calls carry different inputs.
 */
final class Throughput {

    private Throughput() {}

    /** Rows predicted per second by all callers together. */
    static double rowsPerSecond(PredictionCall call, int inputs, int callers, double seconds) throws Exception {
        // One counter per caller, 16 longs apart so that callers do not share a cache line.
        AtomicLongArray rows = new AtomicLongArray(16 * callers);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int c = 0; c < callers; c++) {
            int slot = 16 * c;
            int offset = c * (inputs / callers);
            Thread thread = new Thread(() -> {
                try {
                    for (int i = offset; !stop.get(); i = (i + 1) % inputs) {
                        rows.addAndGet(slot, call.call(i));
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "caller-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep((long) (seconds * 1000));
        long before = sum(rows);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long after = sum(rows);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return (after - before) / elapsed;
    }

    private static long sum(AtomicLongArray rows) {
        long total = 0;
        for (int i = 0; i < rows.length(); i += 16) {
            total += rows.get(i);
        }
        return total;
    }
}
