package dev.lamina.runtime.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One network shared by real threads: predictions racing {@code load} see exactly one of the two parameter
 * sets, never a mix, and predictions racing {@code close} either finish with exact outputs or fail cleanly.
 * Both races crashed the JVM (SIGSEGV, or a libtorch refcount abort) or mixed parameter sets before the
 * network guarded its parameters.
 */
class SharedNetworkTest {

    private static final int PREDICTORS = 4;

    @TempDir
    Path directory;

    private static Architecture architecture() {
        return Architecture.builder("Shared", 64)
                .stage("hidden", new LinearSpec(64, 256), new BatchNormSpec(256, 1e-5, 0.1), new ReLUSpec())
                .stage("logits", new LinearSpec(256, 10))
                .build();
    }

    private static float[][] batch() {
        Random random = new Random(7);
        float[][] samples = new float[16][64];
        for (float[] sample : samples) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = (float) random.nextGaussian();
            }
        }
        return samples;
    }

    @Test
    void predictionsRacingLoadSeeOneWholeParameterSet() throws Exception {
        Path first = directory.resolve("first.safetensors");
        Path second = directory.resolve("second.safetensors");
        float[][] input = batch();
        float[][] expectedFirst;
        float[][] expectedSecond;
        try (LaminaNetwork a = LaminaNetwork.create(architecture(), Device.cpu(), 1);
                LaminaNetwork b = LaminaNetwork.create(architecture(), Device.cpu(), 2)) {
            a.save(first);
            b.save(second);
            expectedFirst = a.predictOutputs(input);
            expectedSecond = b.predictOutputs(input);
        }
        assertFalse(Arrays.deepEquals(expectedFirst, expectedSecond), "the two parameter sets must differ");

        try (LaminaNetwork shared = LaminaNetwork.create(architecture(), Device.cpu(), 1)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sawFirst = new AtomicInteger();
            AtomicInteger sawSecond = new AtomicInteger();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < PREDICTORS; t++) {
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        try {
                            float[][] outputs = shared.predictOutputs(input);
                            if (Arrays.deepEquals(outputs, expectedFirst)) {
                                sawFirst.incrementAndGet();
                            } else if (Arrays.deepEquals(outputs, expectedSecond)) {
                                sawSecond.incrementAndGet();
                            } else {
                                problems.add("a prediction matched neither parameter set: " + outputs[0][0]);
                            }
                        } catch (RuntimeException e) {
                            problems.add(e.toString());
                        }
                    }
                }, "predictor-" + t));
            }
            int loads = 0;
            threads.forEach(Thread::start);
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                shared.load(loads % 2 == 0 ? second : first);
                loads++;
            }
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), List.copyOf(problems));
            assertTrue(loads > 20, "loads: " + loads);
            assertTrue(sawFirst.get() > 0 && sawSecond.get() > 0,
                    "predictions saw first " + sawFirst + ", second " + sawSecond + " times");
        }
    }

    @Test
    void predictionsRacingCloseFinishExactlyOrFailCleanly() throws Exception {
        float[][] input = batch();
        for (int round = 0; round < 5; round++) {
            LaminaNetwork shared = LaminaNetwork.create(architecture(), Device.cpu(), 3);
            float[][] expected = shared.predictOutputs(input);
            AtomicInteger exact = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(PREDICTORS);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < PREDICTORS; t++) {
                threads.add(new Thread(() -> {
                    started.countDown();
                    while (true) {
                        try {
                            float[][] outputs = shared.predictOutputs(input);
                            if (Arrays.deepEquals(outputs, expected)) {
                                exact.incrementAndGet();
                            } else {
                                problems.add("a prediction differed from the network's outputs");
                            }
                        } catch (IllegalStateException closed) {
                            if (!closed.getMessage().equals("Shared is closed; its parameters are freed")) {
                                problems.add(closed.toString());
                            }
                            refused.incrementAndGet();
                            return;
                        } catch (RuntimeException e) {
                            problems.add(e.toString());
                            return;
                        }
                    }
                }, "predictor-" + t));
            }
            threads.forEach(Thread::start);
            started.await();
            Thread.sleep(50 + 40L * round);
            shared.close();
            shared.close();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), List.copyOf(problems));
            assertEquals(PREDICTORS, refused.get(), "every predictor ends with the refusal");
            assertTrue(exact.get() > 0, "predictions before close");
        }
    }
}
