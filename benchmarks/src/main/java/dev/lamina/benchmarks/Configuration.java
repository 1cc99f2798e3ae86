package dev.lamina.benchmarks;

/**
 * One measured combination: which implementation trains which network at which batch size.
 *
 * @param impl {@link #LAMINA} (the generated harness) or {@link #DJL_RAW} (the hand-written loop)
 */
record Configuration(String impl, BenchmarkNetwork network, int batchSize) {

    static final String LAMINA = "lamina";
    static final String DJL_RAW = "djl-raw";

    /**
     * Whether {@code impl} measures {@code network}: the hand-written loop runs for MNIST only unless asked
     * for every network ({@code --raw-networks all}).
     */
    static boolean supported(String impl, BenchmarkNetwork network, boolean rawOnAllNetworks) {
        return impl.equals(LAMINA) || rawOnAllNetworks || network == BenchmarkNetwork.MNIST_MLP;
    }

    @Override
    public String toString() {
        return impl + " " + network.displayName() + " batch " + batchSize;
    }
}
