package dev.lamina.runtime.testing;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.OneDnnConvolutions;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.runtime.train.LossFunction;
import dev.lamina.runtime.train.OptimizerSettings;
import dev.lamina.runtime.train.optim.Optimizer;
import dev.lamina.runtime.train.optim.Optimizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The contract every Lamina network keeps, checked against what the compiler inferred: output shapes,
 * parameter counts, train and eval modes, gradients, learning, saving. Each check builds fresh networks on
 * the CPU from a fixed seed, so it is repeatable and independent of the others.
 */
public final class NetworkContract {

    private static final int SEED = 20261126;

    private final Architecture architecture;
    private final long[] outputShape;
    private final Loss loss;
    private int batchSize = 32;
    private int steps = 20;
    private double tolerance = 1e-5;

    private NetworkContract(Architecture architecture, long[] outputShape, Loss loss) {
        this.architecture = architecture;
        this.outputShape = outputShape.clone();
        this.loss = loss;
    }

    /**
     * The contract of {@code architecture}, whose samples the compiler inferred to come out with shape
     * {@code outputShape}, trained with {@code loss}.
     */
    public static NetworkContract of(Architecture architecture, long[] outputShape, Loss loss) {
        return new NetworkContract(architecture, outputShape, loss);
    }

    /** Samples per batch in the learning and dropout checks (default 32). */
    public NetworkContract batchSize(int value) {
        batchSize = value;
        return this;
    }

    /** Optimizer steps in the learning check (default 20). */
    public NetworkContract steps(int value) {
        steps = value;
        return this;
    }

    /** Allowed deviation of dropout's scaling from 1/(1-p) (default 1e-5). */
    public NetworkContract tolerance(double value) {
        tolerance = value;
        return this;
    }

    /** Batches of 1 (eval), 2 and 32 (eval and train) come out as (N, output shape). */
    public void outputShapes() {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            for (int batch : new int[] {1, 2, 32}) {
                NDArray input = input(scope, batch, 1);
                expectShape(network.forwardEval(input).getShape(), batch, "eval");
                if (batch > 1) {
                    expectShape(network.forwardTrain(input).getShape(), batch, "train");
                }
            }
        }
    }

    private void expectShape(Shape actual, int batch, String mode) {
        long[] expected = new long[outputShape.length + 1];
        expected[0] = batch;
        System.arraycopy(outputShape, 0, expected, 1, outputShape.length);
        if (!Arrays.equals(actual.getShape(), expected)) {
            throw new AssertionError(architecture.name() + ": a batch of " + batch + " in " + mode + " mode came out"
                    + " with shape " + actual + ", but the compiler inferred " + new Shape(expected));
        }
    }

    /** The built network has exactly the parameter counts of the compile-time summary. */
    public void parameterCounts(long trainable, long nonTrainable) {
        try (LaminaNetwork network = network(SEED)) {
            if (network.trainableParameterCount() != trainable || network.nonTrainableParameterCount() != nonTrainable) {
                throw new AssertionError(String.format(Locale.ROOT, "%s: the built network has %,d trainable and %,d"
                        + " non-trainable parameters, but the summary says %,d and %,d", architecture.name(),
                        network.trainableParameterCount(), network.nonTrainableParameterCount(), trainable, nonTrainable));
            }
        }
    }

    /** Two eval passes over the same batch agree exactly, and a different batch gives different outputs. */
    public void evalIsDeterministic() {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            NDArray input = input(scope, batchSize, 1);
            float[] first = network.forwardEval(input).toFloatArray();
            float[] second = network.forwardEval(input).toFloatArray();
            if (!Arrays.equals(first, second)) {
                throw new AssertionError(architecture.name() + ": two eval-mode passes over the same batch differ by up to "
                        + maxDifference(first, second) + "; eval mode must not drop units or use batch statistics");
            }
            float[] other = network.forwardEval(input(scope, batchSize, 2)).toFloatArray();
            if (Arrays.equals(first, other)) {
                throw new AssertionError(architecture.name() + ": two different batches gave identical outputs; some"
                        + " layer ignores its input");
            }
        }
    }

    /**
     * Train mode drops different units on each pass, and each Dropout layer zeroes a fraction p of its
     * input and scales what it keeps by 1/(1-p).
     *
     * @param expectedRates the p of each Dropout layer, in network order, as the compiler read them
     */
    public void dropoutDropsAndScales(double... expectedRates) {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            NDArray input = input(scope, batchSize, 1);
            if (Arrays.equals(network.forwardTrain(input).toFloatArray(), network.forwardTrain(input).toFloatArray())) {
                throw new AssertionError(architecture.name() + ": two train-mode passes over the same batch gave"
                        + " identical outputs, so Dropout drops nothing");
            }
        }
        List<DropoutSpec> dropouts = dropoutLayers();
        if (dropouts.size() != expectedRates.length) {
            throw new AssertionError(architecture.name() + " has " + dropouts.size() + " Dropout layers, the compiler saw "
                    + expectedRates.length);
        }
        for (int i = 0; i < dropouts.size(); i++) {
            checkDropoutLayer(dropouts.get(i), expectedRates[i], i + 1);
        }
    }

    private void checkDropoutLayer(DropoutSpec dropout, double p, int ordinal) {
        int n = 100_000;
        Engine engine = LaminaEngine.get();
        engine.setRandomSeed(SEED);
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            Block block = architecture.blocks().build(dropout).block();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, n));
            float[] out = block.forward(new ParameterStore(manager, false), new NDList(manager.ones(new Shape(1, n))), true)
                    .singletonOrThrow().toFloatArray();
            int zeros = 0;
            float kept = (float) (1 / (1 - p));
            for (float value : out) {
                if (value == 0f) {
                    zeros++;
                } else if (Math.abs(value - kept) > tolerance * kept) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s: Dropout #%d (p = %s) keeps a 1 as %s; inverted"
                            + " dropout scales kept values by 1/(1-p) = %s", architecture.name(), ordinal, p, value, kept));
                }
            }
            double fraction = zeros / (double) n;
            double allowed = 5 * Math.sqrt(p * (1 - p) / n) + 1e-9;
            if (Math.abs(fraction - p) > allowed) {
                throw new AssertionError(String.format(Locale.ROOT, "%s: Dropout #%d (p = %s) zeroed %.4f of its input;"
                        + " expected %s ± %.4f", architecture.name(), ordinal, p, fraction, p, allowed));
            }
        }
    }

    /** BatchNorm's running statistics move in train mode and stay put in eval mode. */
    public void batchNormStatisticsMoveOnlyInTrainMode() {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            List<String> statistics = network.parameterNames().stream().filter(n -> n.contains(".bn.running_")).toList();
            if (statistics.isEmpty()) {
                throw new AssertionError(architecture.name() + " has no BatchNorm running statistics");
            }
            NDArray input = input(scope, batchSize, 1);
            Map<String, float[]> before = snapshot(network, statistics);
            network.forwardEval(input);
            for (String name : statistics) {
                if (!Arrays.equals(before.get(name), network.parameter(name).toFloatArray())) {
                    throw new AssertionError(architecture.name() + ": " + name + " changed in eval mode; eval mode must"
                            + " use the running statistics, not update them");
                }
            }
            network.forwardTrain(input);
            for (String name : statistics) {
                if (Arrays.equals(before.get(name), network.parameter(name).toFloatArray())) {
                    throw new AssertionError(architecture.name() + ": " + name + " did not change in train mode; train"
                            + " mode must update the running statistics from the batch");
                }
            }
        }
    }

    /** One backward pass gives every trainable parameter a finite gradient that is not all zeros. */
    public void everyParameterGetsAGradient() {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            Map<String, NDArray> trainable = network.trainableArrays();
            trainable.values().forEach(array -> array.setRequiresGradient(true));
            NDArray input = input(scope, batchSize, 1);
            NDArray labels = labels(scope, batchSize, network.outputWidth());
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                OneDnnConvolutions.backward(collector, LossFunction.mean(loss, network.forwardTrain(input), labels));
            }
            for (Map.Entry<String, NDArray> entry : trainable.entrySet()) {
                try (NDArray gradient = entry.getValue().getGradient()) {
                    float[] values = gradient.toFloatArray();
                    boolean finite = true;
                    boolean nonZero = false;
                    for (float value : values) {
                        finite &= Float.isFinite(value);
                        nonZero |= value != 0f;
                    }
                    if (!finite || !nonZero) {
                        throw new AssertionError(architecture.name() + ": " + entry.getKey() + " got a gradient that is "
                                + (finite ? "zero everywhere" : "not finite") + "; the loss does not reach it");
                    }
                }
            }
        }
    }

    /**
     * A few optimizer steps on one fixed batch lower its loss by at least a quarter: gradients reach the
     * parameters and the updates go downhill. Adam at 1e-2 first, then, from the same start, at its default 1e-3:
     * small networks need the larger rate to get there in a few steps, while at 1e-2 the first step can drive
     * every ReLU of a wide network without BatchNorm negative (a 2048-512-128-1 regression on inputs in [0, 1)
     * then stayed at its labels' variance).
     */
    public void learnsAFixedBatch() {
        StringBuilder attempts = new StringBuilder();
        for (double rate : new double[] {1e-2, 1e-3}) {
            double[] losses = lossBeforeAndAfter(rate);
            if (losses[1] < 0.75 * losses[0]) {
                return;
            }
            attempts.append(String.format(Locale.ROOT, "%s%.4f to %.4f at rate %s", attempts.length() == 0 ? "" : ", ",
                    losses[0], losses[1], rate));
        }
        throw new AssertionError(String.format(Locale.ROOT, "%s: %d Adam steps on one fixed batch of %d took the"
                + " loss from %s; a network that can learn lowers it by at least a quarter (more steps:"
                + " @NetworkTests(steps = ...))", architecture.name(), steps, batchSize, attempts));
    }

    private double[] lossBeforeAndAfter(double rate) {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            NDArray input = input(scope, batchSize, 1);
            NDArray labels = labels(scope, batchSize, network.outputWidth());
            double before = evalLoss(network, input, labels);
            try (Optimizer optimizer = Optimizers.create(new OptimizerSettings.Adam(rate, 0.9, 0.999, 1e-8, 0),
                    attach(network))) {
                for (int step = 0; step < steps; step++) {
                    try (NDManager stepScope = scope.newSubManager()) {
                        NDArray x = input.duplicate();
                        x.attach(stepScope);
                        try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                            OneDnnConvolutions.backward(collector, LossFunction.mean(loss, network.forwardTrain(x), labels));
                        }
                        optimizer.step(rate);
                    }
                }
            }
            return new double[] {before, evalLoss(network, input, labels)};
        }
    }

    /** Saving and loading into a differently initialised network gives identical eval outputs. */
    public void saveThenLoadRestoresOutputs(Path directory) throws IOException {
        Path file = directory.resolve(architecture.name() + ".safetensors");
        try (LaminaNetwork original = network(SEED); LaminaNetwork copy = network(SEED + 1);
                NDManager scope = original.manager().newSubManager()) {
            NDArray input = input(scope, batchSize, 1);
            original.forwardTrain(input);
            original.save(file);
            copy.load(file);
            float[] expected = original.forwardEval(input).toFloatArray();
            float[] actual = copy.forwardEval(input).toFloatArray();
            if (!Arrays.equals(expected, actual)) {
                throw new AssertionError(architecture.name() + ": after save and load the eval outputs differ by up to "
                        + maxDifference(expected, actual));
            }
        }
    }

    /** An input one feature too wide is an IllegalArgumentException naming the network and both shapes. */
    public void rejectsAWrongInputWidth() {
        try (LaminaNetwork network = network(SEED); NDManager scope = network.manager().newSubManager()) {
            long[] wrong = architecture.inputShape();
            wrong[wrong.length - 1]++;
            long[] batch = new long[wrong.length + 1];
            batch[0] = 2;
            System.arraycopy(wrong, 0, batch, 1, wrong.length);
            try {
                network.forwardEval(scope.zeros(new Shape(batch)));
            } catch (IllegalArgumentException expected) {
                String message = expected.getMessage();
                String given = Arrays.stream(batch).mapToObj(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
                if (!message.contains(architecture.name()) || !message.contains(given)) {
                    throw new AssertionError("the error for a wrong input width does not name the network and the"
                            + " shape it got: " + message);
                }
                return;
            }
            throw new AssertionError(architecture.name() + " accepted an input of shape " + new Shape(batch)
                    + " although its samples have shape " + new Shape(architecture.inputShape()));
        }
    }

    private LaminaNetwork network(int seed) {
        return LaminaNetwork.create(architecture, Device.cpu(), seed);
    }

    private NDArray input(NDManager scope, int batch, int variant) {
        long[] sample = architecture.inputShape();
        long[] dims = new long[sample.length + 1];
        dims[0] = batch;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        Shape shape = new Shape(dims);
        Random random = new Random(SEED * 31L + variant);
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return scope.create(values, shape);
    }

    /**
     * Random labels the loss accepts: a class index per sample for cross-entropy; otherwise one label per output
     * (per task): 0 or 1 for BCE-with-logits, a number in [-1, 1] for regression.
     */
    private NDArray labels(NDManager scope, int batch, long outputs) {
        Random random = new Random(SEED);
        int width = loss == Loss.CROSS_ENTROPY ? 1 : (int) outputs;
        float[] labels = new float[batch * width];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = switch (LossFunction.taskKind(loss)) {
                case CLASSES -> random.nextInt((int) outputs);
                case BINARY -> random.nextInt(2);
                case REGRESSION -> random.nextFloat() * 2 - 1;
            };
        }
        return LossFunction.prepareLabels(loss, scope.create(labels), width);
    }

    private double evalLoss(LaminaNetwork network, NDArray input, NDArray labels) {
        try (NDManager scope = input.getManager().newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(scope);
            return LossFunction.mean(loss, network.forwardEval(x), labels).getFloat();
        }
    }

    private static Map<String, NDArray> attach(LaminaNetwork network) {
        Map<String, NDArray> trainable = network.trainableArrays();
        trainable.values().forEach(array -> array.setRequiresGradient(true));
        return trainable;
    }

    private List<DropoutSpec> dropoutLayers() {
        List<DropoutSpec> layers = new ArrayList<>();
        for (LayerSpec layer : architecture.spec().layers()) {
            if (layer instanceof DropoutSpec dropout) {
                layers.add(dropout);
            }
        }
        return layers;
    }

    private static Map<String, float[]> snapshot(LaminaNetwork network, List<String> names) {
        Map<String, float[]> values = new java.util.LinkedHashMap<>();
        names.forEach(name -> values.put(name, network.parameter(name).toFloatArray()));
        return values;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
