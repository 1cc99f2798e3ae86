package dev.lamina.runtime.export;

/**
 * One layer as the export needs it: the values of its annotation, nothing of DJL. {@link LayerReader}
 * builds these from the runtime's layer definitions.
 */
sealed interface ExportedLayer {

    /**
     * How the summary names the layer, as the compile-time summary does: {@code Linear(784, 300)},
     * {@code Conv2d(1, 3, k3, p1)}, {@code MaxPool2d(2)}, {@code BatchNorm(300)}, {@code ReLU}.
     */
    String describe();

    /** The shape of one sample after this layer, given the shape before it. */
    default long[] outputShape(long[] input) {
        return input.clone();
    }

    /** {@code nn.Linear(in, out)}, its parameters named {@code <stage>.weight} and {@code <stage>.bias}. */
    record Linear(long in, long out) implements ExportedLayer {
        @Override
        public String describe() {
            return "Linear(" + in + ", " + out + ")";
        }

        @Override
        public long[] outputShape(long[] input) {
            long[] output = input.clone();
            output[output.length - 1] = out;
            return output;
        }
    }

    /**
     * {@code nn.Conv2d(in, out, kernel, stride, padding, dilation)} on (C, H, W) samples, its parameters
     * named {@code <stage>.weight} (out, in, kernel, kernel) and {@code <stage>.bias}, like a Linear's.
     */
    record Conv2d(long in, long out, int kernel, int stride, int padding, int dilation) implements ExportedLayer {
        @Override
        public String describe() {
            return "Conv2d(" + in + ", " + out + ", k" + kernel
                    + (stride != 1 ? ", s" + stride : "")
                    + (padding != 0 ? ", p" + padding : "")
                    + (dilation != 1 ? ", d" + dilation : "") + ")";
        }

        @Override
        public long[] outputShape(long[] input) {
            return new long[] {out, side(input[1]), side(input[2])};
        }

        private long side(long size) {
            return Math.floorDiv(size + 2L * padding - (long) dilation * (kernel - 1) - 1, stride) + 1;
        }
    }

    /**
     * {@code nn.MaxPool2d(kernel, stride, padding)} or {@code nn.AvgPool2d(kernel, stride, padding)}
     * (counting padding zeros, PyTorch's default), ceil_mode off.
     */
    record Pool(String kind, int kernel, int stride, int padding) implements ExportedLayer {

        static final String MAX = "MaxPool2d";
        static final String AVG = "AvgPool2d";

        @Override
        public String describe() {
            return kind + "(" + kernel + (stride != kernel ? ", s" + stride : "")
                    + (padding != 0 ? ", p" + padding : "") + ")";
        }

        @Override
        public long[] outputShape(long[] input) {
            return new long[] {input[0], side(input[1]), side(input[2])};
        }

        private long side(long size) {
            return Math.floorDiv(size + 2L * padding - kernel, stride) + 1;
        }
    }

    /** {@code nn.Flatten()}: each sample becomes one dimension. */
    record Flatten() implements ExportedLayer {
        @Override
        public String describe() {
            return "Flatten";
        }

        @Override
        public long[] outputShape(long[] input) {
            long size = 1;
            for (long dimension : input) {
                size *= dimension;
            }
            return new long[] {size};
        }
    }

    /**
     * {@code nn.BatchNorm1d(features, eps, momentum)} (PyTorch's momentum convention), as submodule
     * {@code bn}; {@code nn.BatchNorm2d} over the channels when {@code images}, that is when its samples
     * are (C, H, W).
     */
    record BatchNorm(long features, double eps, double momentum, boolean images) implements ExportedLayer {
        @Override
        public String describe() {
            return "BatchNorm(" + features + ")";
        }

        /** The PyTorch class, and the name of its generated subclass in model.py. */
        String pytorchClass() {
            return images ? "BatchNorm2d" : "BatchNorm1d";
        }
    }

    /** {@code nn.Dropout(p)}. */
    record Dropout(double p) implements ExportedLayer {
        @Override
        public String describe() {
            return "Dropout(" + p + ")";
        }
    }

    /** A parameterless activation: ReLU, Sigmoid, Tanh, Softmax (over dim 1), or LeakyReLU with {@code slope}. */
    record Activation(String kind, double slope) implements ExportedLayer {

        static final String LEAKY_RELU = "LeakyReLU";

        static Activation of(String kind) {
            return new Activation(kind, Double.NaN);
        }

        static Activation leakyRelu(double slope) {
            return new Activation(LEAKY_RELU, slope);
        }

        @Override
        public String describe() {
            return kind.equals(LEAKY_RELU) ? kind + "(" + slope + ")" : kind;
        }
    }
}
