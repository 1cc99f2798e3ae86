package dev.lamina.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model shared by real threads while it is reloaded and closed: weights and preprocessing change as one,
 * so every prediction is exactly the first model's or the second's, and closing never crashes.
 */
class SharedModelTest {

    private static final int PREDICTORS = 4;

    @TempDir
    Path directory;

    @Test
    void predictionsRacingReloadUseOneModelFileWhole() throws Exception {
        // Two runs of one network: other weights and another fitted scaling.
        float[][] raw = ModelFileTest.rawSamples(8, 11);
        Path first = directory.resolve("first.lamina.safetensors");
        Path second = directory.resolve("second.lamina.safetensors");
        try (LaminaNetwork a = LaminaNetwork.create(ModelFileTest.architecture("Shared", 4), Device.cpu(), 1);
                LaminaNetwork b = LaminaNetwork.create(ModelFileTest.architecture("Shared", 4), Device.cpu(), 2)) {
            ModelFileTest.write(first, a, ModelFileTest.scaler(ModelFileTest.rawSamples(30, 1)), Loss.CROSS_ENTROPY);
            ModelFileTest.write(second, b, ModelFileTest.scaler(ModelFileTest.rawSamples(30, 2)), Loss.CROSS_ENTROPY);
        }
        List<Prediction> expectedFirst;
        List<Prediction> expectedSecond;
        try (LaminaModel<float[]> a = LaminaModel.load(first, float[].class);
                LaminaModel<float[]> b = LaminaModel.load(second, float[].class)) {
            expectedFirst = a.predict(List.of(raw));
            expectedSecond = b.predict(List.of(raw));
        }
        assertNotEquals(expectedFirst, expectedSecond);

        try (LaminaModel<float[]> shared = LaminaModel.load(first, float[].class)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sawFirst = new AtomicInteger();
            AtomicInteger sawSecond = new AtomicInteger();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < PREDICTORS; t++) {
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        List<Prediction> predictions = shared.predict(List.of(raw));
                        if (predictions.equals(expectedFirst)) {
                            sawFirst.incrementAndGet();
                        } else if (predictions.equals(expectedSecond)) {
                            sawSecond.incrementAndGet();
                        } else {
                            problems.add("a prediction matched neither model: " + predictions.get(0));
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            int reloads = 0;
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                shared.reload(reloads % 2 == 0 ? second : first);
                reloads++;
            }
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), List.copyOf(problems));
            assertTrue(sawFirst.get() > 0 && sawSecond.get() > 0, "first " + sawFirst + ", second " + sawSecond);
        }
    }

    @Test
    void predictionsRacingCloseFinishExactlyOrAreRefused() throws Exception {
        float[][] raw = ModelFileTest.rawSamples(8, 12);
        Path file = directory.resolve("model.lamina.safetensors");
        try (LaminaNetwork network = LaminaNetwork.create(ModelFileTest.architecture("Shared", 4), Device.cpu(), 3)) {
            ModelFileTest.write(file, network, ModelFileTest.scaler(raw), Loss.CROSS_ENTROPY);
        }
        LaminaModel<float[]> shared = LaminaModel.load(file, float[].class);
        List<Prediction> expected = shared.predict(List.of(raw));
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < PREDICTORS; t++) {
            threads.add(new Thread(() -> {
                while (true) {
                    try {
                        if (!shared.predict(List.of(raw)).equals(expected)) {
                            problems.add("a prediction differed");
                        }
                    } catch (IllegalStateException closed) {
                        refused.incrementAndGet();
                        return;
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        Thread.sleep(200);
        shared.close();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(PREDICTORS, refused.get());
    }
}
