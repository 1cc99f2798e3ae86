package dev.lamina.benchmarks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.train.LossFunction;
import dev.lamina.runtime.train.OptimizerSettings;
import dev.lamina.runtime.train.optim.AdamOptimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The least a DJL user writes to train a network, with none of the harness's bookkeeping: the data on the
 * device once; per step a sub-manager, the batch gathered by a slice of the epoch's permutation, forward in
 * train mode, the loss ({@link LossFunction#mean}: cross-entropy from log-softmax, or BCE-with-logits),
 * backward, Adam (by default Lamina's optimizer, so only the loop differs; {@code --raw-adam} picks DJL's).
 * Like the harness (and PyTorch's {@code loss.item()}) it reads each step's loss back, the
 * one copy to Java per step. The network comes from {@link LaminaNetwork#create} so both implementations
 * train exactly the same blocks; the difference is the loop around them.
 */
final class RawDjlLoop {

    /** How the parameters are updated. */
    enum AdamVariant {
        /**
         * Lamina's {@link AdamOptimizer}, the harness's own: one call per step into PyTorch's
         * {@code _fused_adam_}. The default, so that the comparison shows the cost of the harness alone.
         */
        LAMINA,
        /**
         * DJL's Adam kernel, {@link JniUtils#adamUpdate} per parameter, then {@link JniUtils#zeroGrad}: what a
         * DJL user reaches for (it copies the gradient and makes four temporaries per parameter).
         */
        DJL_FUSED,
        /** DJL's {@link Optimizer#adam()}: state in maps keyed by parameter and device, tracker per call. */
        DJL
    }

    private static final float LEARNING_RATE = 1e-3f;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final int SEED = 42;

    private RawDjlLoop() {}

    /** Trains one warm-up epoch, then {@code timedEpochs} timed ones; returns the fastest one's seconds. */
    static double fastestEpochSeconds(BenchmarkNetwork benchmarkNetwork, Dataset train, int batchSize,
            int timedEpochs, AdamVariant variant) {
        Engine engine = LaminaEngine.get();
        Loss loss = benchmarkNetwork.job().defaults().loss();
        try (LaminaNetwork network = LaminaNetwork.create(benchmarkNetwork.job().architecture(), Device.cpu(), SEED);
                NDManager dataManager = network.manager().newSubManager()) {
            int n = train.size();
            NDArray features = dataManager.create(train.features(), new Shape(n, train.sampleSize()));
            NDArray labels = LossFunction.prepareLabels(loss, dataManager.create(train.labels()));
            Map<String, NDArray> parameters = network.trainableArrays();
            parameters.values().forEach(p -> p.setRequiresGradient(true));
            Updater updater = switch (variant) {
                case LAMINA -> new LaminaAdam(parameters);
                case DJL_FUSED -> new FusedAdam(parameters, dataManager);
                case DJL -> new DjlAdam(parameters);
            };
            try (updater) {
                epoch(engine, network, loss, features, labels, batchSize, updater);
                return TimedEpochs.fastestSeconds(timedEpochs,
                        () -> epoch(engine, network, loss, features, labels, batchSize, updater));
            }
        }
    }

    private static void epoch(Engine engine, LaminaNetwork network, Loss loss, NDArray features, NDArray labels,
            int batchSize, Updater updater) {
        int n = (int) features.getShape().get(0);
        double lossSum = 0;
        try (NDManager epochScope = features.getManager().newSubManager()) {
            NDArray order = epochScope.randomPermutation(n);
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                if (to - from < 2) {
                    continue; // BatchNorm needs two samples for batch statistics, as in the harness
                }
                try (NDManager step = epochScope.newSubManager()) {
                    NDArray indices = order.get(step, new NDIndex().addSliceDim(from, to));
                    NDArray x = features.get(step, new NDIndex("{}", indices));
                    NDArray y = labels.get(step, new NDIndex("{}", indices));
                    NDArray value;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        value = LossFunction.mean(loss, network.forwardTrain(x), y);
                        collector.backward(value);
                    }
                    lossSum += value.getFloat();
                    updater.step();
                }
            }
        }
        if (!Double.isFinite(lossSum)) {
            throw new IllegalStateException("the hand-written loop diverged: loss sum " + lossSum);
        }
    }

    private interface Updater extends AutoCloseable {
        void step();

        @Override
        default void close() {}
    }

    private static final class LaminaAdam implements Updater {
        private final AdamOptimizer optimizer;

        LaminaAdam(Map<String, NDArray> parameters) {
            optimizer = new AdamOptimizer(new OptimizerSettings.Adam(LEARNING_RATE, BETA1, BETA2, EPSILON, 0), parameters);
        }

        @Override
        public void step() {
            optimizer.step(LEARNING_RATE);
        }

        @Override
        public void close() {
            optimizer.close();
        }
    }

    private static final class FusedAdam implements Updater {
        private final List<PtNDArray[]> slots = new ArrayList<>();
        private int steps;

        FusedAdam(Map<String, NDArray> parameters, NDManager stateManager) {
            parameters.values().forEach(weight -> slots.add(new PtNDArray[] {
                (PtNDArray) weight,
                (PtNDArray) stateManager.zeros(weight.getShape()),
                (PtNDArray) stateManager.zeros(weight.getShape())}));
        }

        @Override
        public void step() {
            steps++;
            double c1 = 1 - Math.pow(BETA1, steps);
            double sqrtC2 = Math.sqrt(1 - Math.pow(BETA2, steps));
            float correctedRate = (float) (LEARNING_RATE * sqrtC2 / c1);
            float correctedEps = (float) (EPSILON * sqrtC2);
            for (PtNDArray[] slot : slots) {
                try (NDArray gradient = slot[0].getGradient()) {
                    JniUtils.adamUpdate(slot[0], (PtNDArray) gradient, slot[1], slot[2], LEARNING_RATE, correctedRate,
                            0f, 1f, -1f, BETA1, BETA2, correctedEps, false);
                }
                JniUtils.zeroGrad(slot[0]);
            }
        }
    }

    private static final class DjlAdam implements Updater {
        private final Map<String, NDArray> parameters;
        private final Optimizer optimizer = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                .optBeta1(BETA1)
                .optBeta2(BETA2)
                .optEpsilon(EPSILON)
                .build();

        DjlAdam(Map<String, NDArray> parameters) {
            this.parameters = parameters;
        }

        @Override
        public void step() {
            parameters.forEach((name, weight) -> {
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(name, weight, gradient);
                }
                JniUtils.zeroGrad((PtNDArray) weight);
            });
        }
    }
}
