package dev.lamina.benchmarks;

import java.util.List;

/**
 * One measured combination: which implementation trains which network at which batch size.
 *
 * @param impl {@link #LAMINA} (the generated harness), {@link #DJL_RAW} (the hand-written loop), or
 *     {@link #SCRIPT_STEP} / {@link #SCRIPT_EPOCH} (libtorch's floor: the step or the epoch in TorchScript)
 */
record Configuration(String impl, BenchmarkNetwork network, int batchSize) {

    static final String LAMINA = "lamina";
    static final String DJL_RAW = "djl-raw";
    static final String SCRIPT_STEP = "script-step";
    static final String SCRIPT_EPOCH = "script-epoch";
    static final List<String> IMPLS = List.of(LAMINA, DJL_RAW, SCRIPT_STEP, SCRIPT_EPOCH);

    /**
     * Whether {@code impl} measures {@code network}: the hand-written loop runs for MNIST only unless asked
     * for every network ({@code --raw-networks all}); the TorchScript steps are written for MNIST only.
     */
    static boolean supported(String impl, BenchmarkNetwork network, boolean rawOnAllNetworks) {
        if (impl.equals(SCRIPT_STEP) || impl.equals(SCRIPT_EPOCH)) {
            return network == BenchmarkNetwork.MNIST_MLP;
        }
        return impl.equals(LAMINA) || rawOnAllNetworks || network == BenchmarkNetwork.MNIST_MLP;
    }

    @Override
    public String toString() {
        return impl + " " + network.displayName() + " batch " + batchSize;
    }
}
