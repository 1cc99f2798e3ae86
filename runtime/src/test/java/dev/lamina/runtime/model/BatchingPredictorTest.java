package dev.lamina.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.InvalidInputException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent callers batched into shared forward passes still get each their own input's prediction. */
class BatchingPredictorTest {

    @TempDir
    Path directory;

    @Test
    void eightCallersGetTheirOwnPredictionsAndAnInvalidInputFailsOnlyItsCall() throws Exception {
        float[][] raw = ModelFileTest.rawSamples(64, 21);
        Path file = directory.resolve("model.lamina.safetensors");
        try (LaminaNetwork network = LaminaNetwork.create(ModelFileTest.architecture("Batched", 4), Device.cpu(), 8)) {
            ModelFileTest.write(file, network, ModelFileTest.scaler(raw), Loss.CROSS_ENTROPY);
        }
        try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class);
                BatchingPredictor<float[]> batching = new BatchingPredictor<>(model, 16, Duration.ofMillis(5))) {
            List<Prediction> alone = new ArrayList<>();
            for (float[] sample : raw) {
                alone.add(model.predict(sample));
            }
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int caller = t;
                callers.add(new Thread(() -> {
                    for (int round = 0; round < 20; round++) {
                        int i = (caller * 8 + round) % raw.length;
                        try {
                            Prediction batched = batching.predict(raw[i]);
                            // In a batch libtorch may round the last place differently from a batch of one.
                            if (batched.predictedClass() != alone.get(i).predictedClass()) {
                                problems.add("sample " + i + ": class " + batched.predictedClass());
                            }
                            for (int k = 0; k < 4; k++) {
                                if (Math.abs(batched.probability(k) - alone.get(i).probability(k)) > 1e-6) {
                                    problems.add("sample " + i + ": probability " + k + " differs");
                                }
                            }
                        } catch (InterruptedException e) {
                            problems.add("interrupted");
                        }
                    }
                }));
            }
            callers.forEach(Thread::start);
            InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> batching.predict(new float[3]));
            assertEquals("the input has 3 values; the model expects 12", invalid.getMessage());
            for (Thread caller : callers) {
                caller.join();
            }
            assertEquals(List.of(), List.copyOf(problems));
        }
    }

    @Test
    void aClosedPredictorRefusesCalls() throws Exception {
        float[][] raw = ModelFileTest.rawSamples(4, 22);
        Path file = directory.resolve("model.lamina.safetensors");
        try (LaminaNetwork network = LaminaNetwork.create(ModelFileTest.architecture("Batched", 4), Device.cpu(), 8)) {
            ModelFileTest.write(file, network, ModelFileTest.scaler(raw), Loss.CROSS_ENTROPY);
        }
        try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
            BatchingPredictor<float[]> batching = new BatchingPredictor<>(model, 4, Duration.ZERO);
            assertEquals(model.predict(raw[0]).predictedClass(), batching.predict(raw[0]).predictedClass());
            batching.close();
            assertTrue(assertThrows(IllegalStateException.class, () -> batching.predict(raw[1])).getMessage()
                    .endsWith("is closed"));
            assertEquals(4, model.predict(raw[1]).probabilities().length, "the model itself stays open");
        }
    }
}
