package dev.lamina.spec.layers;

/** The output size of a window slid over one spatial dimension, shared by convolution and pooling. */
final class SlidingWindow {

    private SlidingWindow() {}

    /**
     * PyTorch's formula with ceil_mode off: {@code floor((size + 2 padding - dilation (kernel - 1) - 1) / stride) + 1}.
     * Zero or less means the window does not fit.
     */
    static long outputSize(long size, int kernel, int stride, int padding, int dilation) {
        return Math.floorDiv(size + 2L * padding - (long) dilation * (kernel - 1) - 1, stride) + 1;
    }
}
