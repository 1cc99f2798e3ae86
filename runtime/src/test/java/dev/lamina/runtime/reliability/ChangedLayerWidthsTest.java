package dev.lamina.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.IncompatibleParametersException;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.OptimizerSettings;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingJob;
import dev.lamina.runtime.train.TrainingResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A file from a network whose layer widths changed fails with a clear error naming the parameter.
 * SaveLoadTest covers a file of another network (another name and input width); here the network keeps its
 * name and only a hidden width changes, as when a user edits {@code @Linear(out = ...)} and reruns: loading
 * the old parameters, and resuming training from the old checkpoint.
 */
class ChangedLayerWidthsTest {

    @TempDir Path directory;

    @Test
    void aFirstLayerWidthChangeNamesTheParameterAndBothShapes() throws IOException {
        Path file = directory.resolve("digits.safetensors");
        try (LaminaNetwork before = LaminaNetwork.create(ReliabilityNetworks.mlp("Digits", 784, 64, 32), Device.cpu(), 1)) {
            before.save(file);
        }
        try (LaminaNetwork after = LaminaNetwork.create(ReliabilityNetworks.mlp("Digits", 784, 128, 32), Device.cpu(), 1)) {
            Map<String, float[]> original = snapshot(after);
            IncompatibleParametersException e =
                    assertThrows(IncompatibleParametersException.class, () -> after.load(file));
            String message = e.getMessage();
            assertTrue(message.contains(file.toString()), message);
            assertTrue(message.contains("parameter 'hidden1.weight'"), message);
            assertTrue(message.contains("(64, 784) in the file"), message);
            assertTrue(message.contains("expects (128, 784)"), message);
            assertTrue(message.contains("written by network Digits"), message);
            assertUnchanged(original, after);
        }
    }

    @Test
    void aWidthChangeDeeperInTheNetworkNamesThatLayersParameter() throws IOException {
        Path file = directory.resolve("digits.safetensors");
        try (LaminaNetwork before = LaminaNetwork.create(ReliabilityNetworks.mlp("Digits", 784, 64, 32), Device.cpu(), 1)) {
            before.save(file);
        }
        try (LaminaNetwork after = LaminaNetwork.create(ReliabilityNetworks.mlp("Digits", 784, 64, 48), Device.cpu(), 1)) {
            Map<String, float[]> original = snapshot(after);
            IncompatibleParametersException e =
                    assertThrows(IncompatibleParametersException.class, () -> after.load(file));
            String message = e.getMessage();
            // hidden1 still fits; the first parameter that does not is hidden2's weight.
            assertTrue(message.contains("parameter 'hidden2.weight'"), message);
            assertTrue(message.contains("(32, 64) in the file"), message);
            assertTrue(message.contains("expects (48, 64)"), message);
            assertFalse(message.contains("hidden1"), message);
            assertUnchanged(original, after);
        }
    }

    @Test
    void resumingFromACheckpointOfTheOldWidthsFailsNamingTheParameterAndKeepsTheCheckpoint() throws IOException {
        TrainTestData data = randomData(96);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(1)
                .batchSize(32)
                .seed(3)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults())
                .device("cpu")
                .progressBar(false)
                .outputDirectory(directory)
                .build();
        try (TrainingResult result = train(ReliabilityNetworks.mlp("Digits", 20, 16, 8), config, data)) {
            assertEquals(1, result.history().size());
        }
        Path checkpoint = directory.resolve("Digits/run_1/checkpoint.safetensors");
        byte[] before = Files.readAllBytes(checkpoint);

        IncompatibleParametersException e = assertThrows(IncompatibleParametersException.class,
                () -> train(ReliabilityNetworks.mlp("Digits", 20, 24, 8),
                        config.toBuilder().epochs(2).resume(true).build(), data));
        String message = e.getMessage();
        assertTrue(message.contains("checkpoint.safetensors"), message);
        assertTrue(message.contains("parameter 'hidden1.weight'"), message);
        assertTrue(message.contains("(16, 20) in the file"), message);
        assertTrue(message.contains("expects (24, 20)"), message);
        assertArrayEquals(before, Files.readAllBytes(checkpoint), "the failed resume left the checkpoint as it was");
    }

    private static TrainingResult train(Architecture network, TrainingConfig config, TrainTestData data)
            throws IOException {
        return Trainer.train(new TrainingJob(network.name(), network, "", config, Optional.empty()), config, data);
    }

    /** {@code samples} random 20-value samples of 10 classes. */
    private static TrainTestData randomData(int samples) {
        Random random = new Random(5);
        float[] features = new float[samples * 20];
        float[] labels = new float[samples];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextFloat();
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = i % 10;
        }
        return new TrainTestData(Dataset.of("random", features, new long[] {20}, labels), null);
    }

    private static Map<String, float[]> snapshot(LaminaNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        network.parameterNames().forEach(name -> values.put(name, network.parameter(name).toFloatArray()));
        return values;
    }

    private static void assertUnchanged(Map<String, float[]> original, LaminaNetwork network) {
        original.forEach((name, values) ->
                assertArrayEquals(values, network.parameter(name).toFloatArray(), name + " changed"));
    }
}
