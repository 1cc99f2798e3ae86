package dev.lamina.benchmarks;

/**
 * One measured combination: which implementation trains which network at which batch size.
 *
 * @param impl {@link #LAMINA} (the generated harness) or {@link #DJL_RAW} (the hand-written loop)
 */
record Configuration(String impl, BenchmarkNetwork network, int batchSize) {

    static final String LAMINA = "lamina";
    static final String DJL_RAW = "djl-raw";

    /** Whether {@code impl} can train {@code network}: the hand-written loop exists for MNIST only. */
    static boolean supported(String impl, BenchmarkNetwork network) {
        return impl.equals(LAMINA) || network == BenchmarkNetwork.MNIST_MLP;
    }

    @Override
    public String toString() {
        return impl + " " + network.displayName() + " batch " + batchSize;
    }
}
