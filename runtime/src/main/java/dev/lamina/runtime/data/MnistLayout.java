package dev.lamina.runtime.data;

/** How an MNIST image becomes a sample: a flat vector for dense networks, or a one-channel image. */
public enum MnistLayout {
    /** Shape [rows * cols], e.g. [784]: what the seed notebook's dense network takes. */
    FLAT,
    /** Shape [1, rows, cols], e.g. [1, 28, 28]: channels first, as PyTorch's convolutions expect. */
    IMAGE;

    long[] sampleShape(int rows, int cols) {
        return this == FLAT ? new long[] {(long) rows * cols} : new long[] {1, rows, cols};
    }
}
