package dev.lamina.benchmarks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.torchscript.TorchScriptModule;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The MNIST network trained with no Java between libtorch's operations ({@code WholeStepMlp.torchscript}):
 * the floor of what libtorch 2.7.1 needs for the seed network's training step on this machine. Lamina's
 * harness calls the same kernels one DJL operation at a time, so Lamina minus this floor is what the
 * per-operation calls through DJL cost, and this floor against PyTorch 1.13 is the kernels' own difference.
 *
 * <p>{@link Granularity#STEP} calls the script once per step (gather, forward, loss, backward, Adam) from a
 * Java loop; {@link Granularity#EPOCH} runs the whole epoch's loop inside the script. Both keep the loss sum
 * on the device and read it once per epoch.
 */
final class WholeStepLoop {

    /** How much of the loop one call into the script does. */
    enum Granularity {
        STEP,
        EPOCH
    }

    private static final String MODULE = "WholeStepMlp";
    private static final double LEARNING_RATE = 1e-3;
    private static final double DROPOUT = 0.2;
    private static final int SEED = 42;

    private WholeStepLoop() {}

    /** Trains one warm-up epoch, then {@code timedEpochs} timed ones; returns the fastest one's seconds. */
    static double fastestEpochSeconds(BenchmarkNetwork benchmarkNetwork, Dataset train, int batchSize,
            int timedEpochs, Granularity granularity) {
        if (benchmarkNetwork != BenchmarkNetwork.MNIST_MLP) {
            throw new IllegalArgumentException("the whole-step script is written for MnistMlp only");
        }
        try (LaminaNetwork network = LaminaNetwork.create(benchmarkNetwork.job().architecture(), Device.cpu(), SEED);
                NDManager manager = network.manager().newSubManager();
                TorchScriptModule script = TorchScriptModule.load(WholeStepLoop.class, MODULE, manager);
                State state = new State(network, manager)) {
            int n = train.size();
            NDArray features = manager.create(train.features(), new Shape(n, train.sampleSize()));
            NDArray labels = manager.create(train.labels()).toType(DataType.INT64, false);
            epoch(script, manager, features, labels, batchSize, granularity, state);
            return TimedEpochs.fastestSeconds(timedEpochs,
                    () -> epoch(script, manager, features, labels, batchSize, granularity, state));
        }
    }

    private static void epoch(TorchScriptModule script, NDManager manager, NDArray features, NDArray labels,
            int batchSize, Granularity granularity, State state) {
        int n = (int) features.getShape().get(0);
        state.lossSum.subi(state.lossSum);
        try (NDManager epochScope = manager.newSubManager()) {
            NDArray order = epochScope.randomPermutation(n);
            IValue x = IValue.from((PtNDArray) features);
            IValue y = IValue.from((PtNDArray) labels);
            IValue permutation = IValue.from((PtNDArray) order);
            try {
                if (granularity == Granularity.EPOCH) {
                    try (IValue batch = IValue.from((long) batchSize)) {
                        runWithAutograd(script, "epoch", state.arguments(x, y, permutation, batch));
                    }
                } else {
                    for (int from = 0; from < n; from += batchSize) {
                        int to = Math.min(n, from + batchSize);
                        if (to - from < 2) {
                            continue;
                        }
                        try (IValue start = IValue.from((long) from); IValue end = IValue.from((long) to)) {
                            runWithAutograd(script, "batch", state.arguments(x, y, permutation, start, end));
                        }
                    }
                }
            } finally {
                x.close();
                y.close();
                permutation.close();
            }
        }
        float lossSum = state.lossSum.getFloat();
        if (!Float.isFinite(lossSum)) {
            throw new IllegalStateException("the whole-step script diverged: loss sum " + lossSum);
        }
    }

    /** The network's parameters and running statistics, Adam's moments and counters, as script arguments. */
    private static final class State implements AutoCloseable {
        private final NDArray lossSum;
        private final IValue[] tail;

        State(LaminaNetwork network, NDManager manager) {
            List<PtNDArray> parameters = new ArrayList<>();
            List<PtNDArray> running = new ArrayList<>();
            List<PtNDArray> means = new ArrayList<>();
            List<PtNDArray> variances = new ArrayList<>();
            for (String name : network.parameterNames()) {
                NDArray array = network.parameter(name);
                if (network.isTrainable(name)) {
                    array.setRequiresGradient(true);
                    parameters.add((PtNDArray) array);
                    means.add((PtNDArray) manager.zeros(array.getShape()));
                    variances.add((PtNDArray) manager.zeros(array.getShape()));
                } else {
                    running.add((PtNDArray) array);
                }
            }
            lossSum = manager.zeros(new Shape());
            tail = new IValue[] {
                IValue.listFrom(parameters.toArray(PtNDArray[]::new)),
                IValue.listFrom(running.toArray(PtNDArray[]::new)),
                IValue.listFrom(means.toArray(PtNDArray[]::new)),
                IValue.listFrom(variances.toArray(PtNDArray[]::new)),
                IValue.from((PtNDArray) manager.zeros(new Shape())), // step
                IValue.from((PtNDArray) manager.zeros(new Shape())), // found_inf
                IValue.from((PtNDArray) lossSum),
                IValue.from(LEARNING_RATE),
                IValue.from(DROPOUT)
            };
        }

        /** {@code head} followed by the state, in the order of the script's parameters. */
        IValue[] arguments(IValue... head) {
            IValue[] all = new IValue[head.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, head.length, tail.length);
            return all;
        }

        /** Frees the argument handles; the arrays belong to the manager. */
        @Override
        public void close() {
            for (IValue argument : tail) {
                argument.close();
            }
        }
    }

    /**
     * Runs {@code method} with autograd on. DJL's {@code IValueUtils.runMethod} runs every method in
     * inference mode, where libtorch records no graph even if the script enables gradients, and its JNI
     * entry point with the training flag is package-private: reached here by reflection, which a benchmark
     * may do and the product does not.
     */
    private static void runWithAutograd(TorchScriptModule script, String method, IValue... arguments) {
        long[] handles = new long[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            handles[i] = arguments[i].getHandle();
        }
        try {
            long result = (long) RUN_METHOD.invoke(LIBRARY, script.symbolBlock().getHandle(), method, handles, true, false);
            DELETE_IVALUE.invoke(LIBRARY, result); // the method's None
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot call DJL's moduleRunMethod", e);
        }
    }

    private static final Object LIBRARY;
    private static final Method RUN_METHOD;
    private static final Method DELETE_IVALUE;

    static {
        try {
            Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            Field instance = library.getDeclaredField("LIB");
            instance.setAccessible(true);
            LIBRARY = instance.get(null);
            RUN_METHOD = library.getDeclaredMethod("moduleRunMethod", long.class, String.class, long[].class,
                    boolean.class, boolean.class);
            RUN_METHOD.setAccessible(true);
            DELETE_IVALUE = library.getDeclaredMethod("torchDeleteIValue", long.class);
            DELETE_IVALUE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
