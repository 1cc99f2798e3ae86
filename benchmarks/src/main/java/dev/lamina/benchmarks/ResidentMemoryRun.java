package dev.lamina.benchmarks;

import dev.lamina.runtime.train.MemoryProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many predictions in a row with the process's resident size (VmRSS, Java heap and native memory together)
 * read at even intervals: a leak of a tensor, a buffer or a per-call allocation glibc never returns shows
 * as a size that keeps climbing.
 */
final class ResidentMemoryRun {

    /** The resident size after {@code predictions} predictions, {@code seconds} into the run. */
    record Sample(long predictions, double seconds, double residentMegabytes) {}

    private ResidentMemoryRun() {}

    static List<Sample> run(PredictionCall call, int inputs, long predictions, int callers, int samples)
            throws Exception {
        long every = Math.max(1, predictions / samples);
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<Sample> taken = new ConcurrentLinkedQueue<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        taken.add(new Sample(0, 0, MemoryProbe.residentMegabytes()));
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread thread = new Thread(() -> {
                try {
                    for (long n = next.getAndIncrement(); n < predictions; n = next.getAndIncrement()) {
                        call.call((int) (n % inputs));
                        if ((n + 1) % every == 0) {
                            taken.add(new Sample(n + 1, (System.nanoTime() - start) / 1e9,
                                    MemoryProbe.residentMegabytes()));
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    next.set(predictions);
                }
            }, "rss-caller-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Sample> sorted = new ArrayList<>(taken);
        sorted.sort((a, b) -> Long.compare(a.predictions(), b.predictions()));
        return sorted;
    }
}
