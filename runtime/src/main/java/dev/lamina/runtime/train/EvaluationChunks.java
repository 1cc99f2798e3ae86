package dev.lamina.runtime.train;

import dev.lamina.runtime.LaminaNetwork;

/**
 * How many samples an evaluation pass sends through the network at once: as many as keep the pass's
 * activations within {@link #ACTIVATION_BYTES}, at most {@link #MAX_ROWS}. A fixed chunk of 8,192 was fine
 * for MLPs (about 80 MB for MNIST's) but made 2.5 GB of activations per chunk for the MNIST CNNs, which
 * glibc maps and unmaps on every chunk: the CNN epoch spent a third of its time in page faults.
 */
final class EvaluationChunks {

    /** Activation memory per chunk. */
    static final long ACTIVATION_BYTES = 64L << 20;
    static final int MAX_ROWS = 8192;

    private EvaluationChunks() {}

    static int rows(LaminaNetwork network) {
        long bytesPerSample = Math.max(1, network.activationValuesPerSample()) * Float.BYTES;
        return (int) Math.max(1, Math.min(MAX_ROWS, ACTIVATION_BYTES / bytesPerSample));
    }
}
