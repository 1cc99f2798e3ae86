package dev.lamina.benchmarks;

/**
 * The measurement every hand-written loop shares: {@code timedEpochs} epochs after the caller's warm-up,
 * the fastest one's seconds, with {@code benchmarks/profile.sh}'s perf recording switched on around them.
 */
final class TimedEpochs {

    private TimedEpochs() {}

    static double fastestSeconds(int timedEpochs, Runnable epoch) {
        double fastest = Double.POSITIVE_INFINITY;
        PerfControl.enable();
        try {
            for (int i = 0; i < timedEpochs; i++) {
                long start = System.nanoTime();
                epoch.run();
                fastest = Math.min(fastest, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            PerfControl.disable();
        }
        return fastest;
    }
}
