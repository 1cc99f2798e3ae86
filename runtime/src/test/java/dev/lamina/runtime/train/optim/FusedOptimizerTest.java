package dev.lamina.runtime.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.train.OptimizerSettings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fused optimizers' own bookkeeping, which the PyTorch parity fixtures (TrainingParityTest) do not
 * reach: the step count behind Adam's bias correction and SGD's first momentum step survives a
 * checkpoint, and gradients are cleared. The problem: minimise {@code sum((w * x - y)^2)} for two
 * parameters, fixed data.
 */
class FusedOptimizerTest {

    private static final float[] X = {0.5f, -1.5f, 2f, 0.25f};
    private static final float[] Y = {1f, 2f, -1f, 0.5f};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = LaminaEngine.get().newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of(new OptimizerSettings.Adam(0.05, 0.9, 0.999, 1e-8, 0.01)),
                Arguments.of(new OptimizerSettings.Sgd(0.05, 0.9, true, 0.01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aRestoredOptimizerContinuesExactlyWhereTheSavedOneStopped(OptimizerSettings settings) {
        Map<String, NDArray> straight = parameters();
        try (Optimizer optimizer = Optimizers.create(settings, straight)) {
            steps(optimizer, straight, 5);
        }

        Map<String, NDArray> first = parameters();
        Map<String, float[]> savedState = new LinkedHashMap<>();
        long savedSteps;
        try (Optimizer optimizer = Optimizers.create(settings, first)) {
            steps(optimizer, first, 2);
            optimizer.state().forEach((name, buffer) -> savedState.put(name, buffer.toFloatArray()));
            savedSteps = optimizer.steps();
        }
        Map<String, NDArray> resumed = resume(settings, first, savedState, savedSteps);
        for (String name : straight.keySet()) {
            assertArrayEquals(straight.get(name).toFloatArray(), resumed.get(name).toFloatArray(),
                    settings + ": " + name + " after 2 + 3 steps differs from 5 steps in one go");
        }
        // The step count matters (Adam's bias correction, SGD's first momentum step): claiming none moves elsewhere.
        Map<String, NDArray> forgotten = resume(settings, first, savedState, 0);
        assertFalse(Arrays.equals(straight.get("w").toFloatArray(), forgotten.get("w").toFloatArray()),
                settings + ": the step count made no difference");
    }

    /** Fresh parameters set to {@code saved}'s values, an optimizer restored from the state, three steps. */
    private Map<String, NDArray> resume(OptimizerSettings settings, Map<String, NDArray> saved,
            Map<String, float[]> state, long steps) {
        Map<String, NDArray> resumed = parameters();
        resumed.forEach((name, weight) -> weight.set(saved.get(name).toFloatArray()));
        try (Optimizer optimizer = Optimizers.create(settings, resumed)) {
            optimizer.restore(state, steps);
            steps(optimizer, resumed, 3);
            assertEquals(steps + 3, optimizer.steps());
        }
        return resumed;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aStepClearsTheGradients(OptimizerSettings settings) {
        Map<String, NDArray> parameters = parameters();
        try (Optimizer optimizer = Optimizers.create(settings, parameters)) {
            backward(parameters);
            assertTrue(parameters.get("w").getGradient().abs().sum().getFloat() > 0);
            optimizer.step(settings.learningRate());
            for (NDArray weight : parameters.values()) {
                assertEquals(0f, weight.getGradient().abs().sum().getFloat());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aStepWithANonFiniteGradientChangesNothingIsCountedAndLeavesTheNextStepAFirstStep(
            OptimizerSettings settings) {
        Map<String, NDArray> parameters = parameters();
        Map<String, NDArray> fresh = parameters();
        try (Optimizer optimizer = Optimizers.create(settings, parameters);
                Optimizer freshOptimizer = Optimizers.create(settings, fresh)) {
            float[] poisoned = X.clone();
            poisoned[2] = Float.NaN;
            backward(parameters, poisoned);
            float[] before = parameters.get("w").toFloatArray();
            optimizer.step(0.05);
            assertArrayEquals(before, parameters.get("w").toFloatArray(), "the skipped step changed the weights");
            assertEquals(1, optimizer.skippedSteps());
            assertEquals(0, optimizer.steps());
            assertEquals(0f, parameters.get("w").getGradient().abs().sum().getFloat(), "gradients are cleared");

            steps(optimizer, parameters, 1);
            steps(freshOptimizer, fresh, 1);
            assertArrayEquals(fresh.get("w").toFloatArray(), parameters.get("w").toFloatArray(),
                    "the first good step after a skipped one differs from a fresh optimizer's first step");
            assertEquals(1, optimizer.steps());
        }
    }

    private Map<String, NDArray> parameters() {
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        parameters.put("w", manager.create(new float[] {0.3f, -0.2f, 0.8f, 0.1f}));
        parameters.put("b", manager.create(new float[] {0.05f}));
        parameters.values().forEach(p -> p.setRequiresGradient(true));
        return parameters;
    }

    private void steps(Optimizer optimizer, Map<String, NDArray> parameters, int count) {
        for (int i = 0; i < count; i++) {
            backward(parameters);
            optimizer.step(0.05);
        }
    }

    private void backward(Map<String, NDArray> parameters) {
        backward(parameters, X);
    }

    private void backward(Map<String, NDArray> parameters, float[] inputs) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
            NDArray x = scope.create(inputs);
            NDArray y = scope.create(Y);
            NDArray prediction = parameters.get("w").mul(x).add(parameters.get("b"));
            prediction.attach(scope);
            NDArray loss = prediction.sub(y).square().sum();
            collector.backward(loss);
        }
    }
}
