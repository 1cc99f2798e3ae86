package dev.lamina.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.data.MinMaxScaler;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: raw input predicted as the network predicts its preprocessed input, and wrong files refused. */
class ModelFileTest {

    @TempDir
    Path directory;

    static Architecture architecture(String name, int outputs) {
        return Architecture.builder(name, 12)
                .stage("hidden", new LinearSpec(12, 16), new BatchNormSpec(16, 1e-5, 0.1), new ReLUSpec())
                .stage("logits", new LinearSpec(16, outputs))
                .build();
    }

    /** Raw samples on a scale far from [0, 1], so that a forgotten scaling changes every prediction. */
    static float[][] rawSamples(int count, long seed) {
        Random random = new Random(seed);
        float[][] samples = new float[count][12];
        for (float[] sample : samples) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = (float) (100 + 50 * random.nextGaussian());
            }
        }
        return samples;
    }

    static MinMaxScaler scaler(float[][] raw) {
        float[] flat = new float[raw.length * 12];
        for (int i = 0; i < raw.length; i++) {
            System.arraycopy(raw[i], 0, flat, i * 12, 12);
        }
        return MinMaxScaler.fit(Dataset.of("train", flat, new long[] {12}, new float[raw.length]));
    }

    /** Writes a model of {@code network} with {@code scaler}, as a run does. */
    static Path write(Path file, LaminaNetwork network, MinMaxScaler scaler, Loss loss) throws IOException {
        ModelFile.write(file, network.architecture(), scaler, loss, "best", 3, Map.of("test_accuracy", 0.5),
                network.parameterTensors());
        return file;
    }

    @Test
    void aModelPredictsFromRawInputExactlyAsTheNetworkPredictsItsScaledInput() throws IOException {
        float[][] raw = rawSamples(40, 1);
        MinMaxScaler scaler = scaler(raw);
        try (LaminaNetwork network = LaminaNetwork.create(architecture("Digits", 4), Device.cpu(), 5)) {
            Path file = write(directory.resolve(ModelFile.fileName("Digits")), network, scaler, Loss.CROSS_ENTROPY);
            float[][] scaled = new float[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                scaled[i] = scaler.apply(raw[i]);
            }
            float[][] expected = network.predictProbabilities(scaled);
            try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
                List<Prediction> predictions = model.predict(List.of(raw));
                for (int i = 0; i < raw.length; i++) {
                    assertArrayEquals(expected[i], predictions.get(i).probabilities(), "sample " + i);
                }
                // One at a time, as a batch of one: libtorch's kernels may round a batch of 40 differently.
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(network.predictProbabilities(new float[][] {scaled[i]})[0],
                            model.predict(raw[i]).probabilities(), "single sample " + i);
                }
                ModelFile.Contents contents = model.contents();
                assertEquals("best", contents.weights());
                assertEquals(3, contents.epoch());
                assertEquals(Loss.CROSS_ENTROPY, contents.loss());
                assertEquals(64, contents.weightsSha256().length());
                assertEquals(scaler.parameters(), contents.preprocessing().parameters());
                // Without the saved scaling the same raw input gives other outputs: the file is what makes it right.
                float[][] unscaled = network.predictProbabilities(raw);
                assertTrue(Math.abs(unscaled[0][0] - predictions.get(0).probability(0)) > 1e-4);
            }
        }
    }

    @Test
    void aOneLogitModelGivesBothClassProbabilities() throws IOException {
        float[][] raw = rawSamples(10, 2);
        MinMaxScaler scaler = scaler(raw);
        try (LaminaNetwork network = LaminaNetwork.create(architecture("Active", 1), Device.cpu(), 6)) {
            Path file = write(directory.resolve("active.lamina.safetensors"), network, scaler, Loss.BCE_WITH_LOGITS);
            float p = network.predictProbabilities(new float[][] {scaler.apply(raw[0])})[0][0];
            try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
                Prediction prediction = model.predict(raw[0]);
                assertEquals(p, prediction.probability(1));
                assertEquals(1 - p, prediction.probability(0));
                assertEquals(p >= 0.5f ? 1 : 0, prediction.predictedClass());
            }
        }
    }

    @Test
    void checkpointsParameterFilesAndForeignFilesAreRefusedSayingWhatTheyAre() throws IOException {
        try (LaminaNetwork network = LaminaNetwork.create(architecture("Digits", 4), Device.cpu(), 5)) {
            Path parameters = directory.resolve("best.safetensors");
            network.save(parameters);
            ModelFileException e = assertThrows(ModelFileException.class, () -> LaminaModel.load(parameters, float[].class));
            assertEquals(parameters + " is a parameter file of network Digits (weights only: best.safetensors,"
                    + " last.safetensors or a saved network), not a Lamina model file; pass the model a run writes,"
                    + " <run folder>/Digits.lamina.safetensors", e.getMessage());

            Path checkpoint = directory.resolve("checkpoint.safetensors");
            SafeTensors.write(checkpoint, Map.of("lamina.network", "Digits", "completed_epochs", "4"),
                    network.parameterTensors());
            assertTrue(assertThrows(ModelFileException.class, () -> LaminaModel.load(checkpoint, float[].class))
                    .getMessage().contains("is a training checkpoint of network Digits (for resuming a run, after epoch 4)"));

            Path foreign = directory.resolve("pytorch.safetensors");
            SafeTensors.write(foreign, Map.of(), network.parameterTensors());
            assertTrue(assertThrows(ModelFileException.class, () -> LaminaModel.load(foreign, float[].class))
                    .getMessage().contains("a safetensors file without Lamina's metadata"));
        }
    }

    @Test
    void changedWeightsWrongInputTypesAndBadInputsAreRefused() throws IOException {
        float[][] raw = rawSamples(10, 3);
        MinMaxScaler scaler = scaler(raw);
        try (LaminaNetwork network = LaminaNetwork.create(architecture("Digits", 4), Device.cpu(), 5)) {
            Path file = write(directory.resolve("model.lamina.safetensors"), network, scaler, Loss.CROSS_ENTROPY);
            ModelFileException wrongType = assertThrows(ModelFileException.class,
                    () -> LaminaModel.load(file, String.class));
            assertTrue(wrongType.getMessage().endsWith("predicts from float[] input; load it with float[].class, not"
                    + " String.class"), wrongType.getMessage());

            SafeTensors.Contents contents = SafeTensors.read(file);
            Map<String, SafeTensors.Tensor> tensors = new java.util.LinkedHashMap<>(contents.tensors());
            float[] bias = tensors.get("logits.bias").data().clone();
            bias[0] += 1e-3f;
            tensors.put("logits.bias", new SafeTensors.Tensor(tensors.get("logits.bias").shape(), bias));
            Path edited = directory.resolve("edited.lamina.safetensors");
            SafeTensors.write(edited, contents.metadata(), tensors);
            assertTrue(assertThrows(ModelFileException.class, () -> LaminaModel.load(edited, float[].class))
                    .getMessage().endsWith("its weights do not match their SHA-256 (the file was changed or damaged after"
                            + " it was written)"));

            try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
                assertEquals("the input has 3 values; the model expects 12",
                        assertThrows(InvalidInputException.class, () -> model.predict(new float[3])).getMessage());
                float[] nan = raw[0].clone();
                nan[5] = Float.NaN;
                assertEquals("input 1: input value 5 is NaN; every value must be finite",
                        assertThrows(InvalidInputException.class, () -> model.predict(List.of(raw[0], nan)))
                                .getMessage());
            }
        }
        assertTrue(Files.exists(directory.resolve("model.lamina.safetensors")));
    }
}
