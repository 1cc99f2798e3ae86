package dev.lamina.runtime.export;

/**
 * One layer as the export needs it: the values of its annotation, nothing of DJL. {@link LayerReader}
 * builds these from the runtime's layer definitions.
 */
sealed interface ExportedLayer {

    /** How the summary names the layer: {@code Linear(784, 300)}, {@code BatchNorm(300)}, {@code ReLU}. */
    String describe();

    /** {@code nn.Linear(in, out)}, its parameters named {@code <stage>.weight} and {@code <stage>.bias}. */
    record Linear(long in, long out) implements ExportedLayer {
        @Override
        public String describe() {
            return "Linear(" + in + ", " + out + ")";
        }
    }

    /** {@code nn.BatchNorm1d(features, eps, momentum)} (PyTorch's momentum convention), as submodule {@code bn}. */
    record BatchNorm(long features, double eps, double momentum) implements ExportedLayer {
        @Override
        public String describe() {
            return "BatchNorm(" + features + ")";
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
