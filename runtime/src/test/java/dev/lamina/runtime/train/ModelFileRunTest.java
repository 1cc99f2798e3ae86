package dev.lamina.runtime.train;

import static dev.lamina.runtime.train.TrainingFixtures.resource;
import static dev.lamina.runtime.train.TrainingFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MinMaxScaler;
import dev.lamina.runtime.data.MnistCsv;
import dev.lamina.runtime.data.MnistLayout;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.ModelFile;
import dev.lamina.runtime.model.Prediction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run writes its model file, and the model predicts raw MNIST pixels as the network does their scaled values. */
class ModelFileRunTest {

    @Test
    void aRunsModelFilePredictsRawPixels(@TempDir Path output) throws IOException {
        Dataset rawTrain = MnistCsv.load(resource("mnist/mnist_train_first1500.csv.gz"), MnistLayout.FLAT);
        Dataset rawTest = MnistCsv.load(resource("mnist/mnist_test_first500.csv.gz"), MnistLayout.FLAT);
        float[][] raw = new float[16][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Arrays.copyOfRange(rawTest.features(), i * 784, (i + 1) * 784);
        }
        TrainTestData data = MinMaxScaler.fitAndTransform(new TrainTestData(rawTrain, rawTest));
        Architecture architecture = smallMlp("MnistModel", 10, 0.0);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(2).batchSize(32).seed(7).loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults()).device("cpu").progressBar(false)
                .outputDirectory(output).out(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build();
        TrainingJob job = new TrainingJob("MnistModel", architecture, "summary\n", config, Optional.empty());
        int bestEpoch;
        try (TrainingResult result = Trainer.train(job, config, data)) {
            bestEpoch = result.metrics().bestEpoch();
        }
        Path run = output.resolve("MnistModel/run_1");
        Path modelFile = run.resolve("MnistModel.lamina.safetensors");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("Model: " + modelFile.toAbsolutePath()
                + " (best weights, epoch " + bestEpoch + ")"), console.toString(StandardCharsets.UTF_8));

        MinMaxScaler scaler = (MinMaxScaler) data.preprocessing().orElseThrow();
        float[][] scaled = Arrays.stream(raw).map(scaler::apply).toArray(float[][]::new);
        float[][] expected;
        try (LaminaNetwork best = LaminaNetwork.create(architecture, Device.cpu())) {
            best.load(run.resolve("best.safetensors"));
            expected = best.predictProbabilities(scaled);
        }
        try (LaminaModel<float[]> model = LaminaModel.load(modelFile, float[].class)) {
            List<Prediction> predictions = model.predict(List.of(raw));
            for (int i = 0; i < raw.length; i++) {
                assertArrayEquals(expected[i], predictions.get(i).probabilities(), "sample " + i);
            }
            ModelFile.Contents contents = model.contents();
            assertEquals("best", contents.weights());
            assertEquals(bestEpoch, contents.epoch());
            assertEquals(bestEpoch, ((Number) contents.metrics().get("epoch")).intValue());
            assertTrue(contents.metrics().containsKey("test_accuracy"));
            long correct = 0;
            for (int i = 0; i < raw.length; i++) {
                correct += predictions.get(i).predictedClass() == (int) rawTest.labels()[i] ? 1 : 0;
            }
            assertTrue(correct >= 12, "a trained model gets most of 16 digits right, got " + correct);
        }
        assertTrue(Files.exists(run.resolve("last.safetensors")), "the last weights stay available");
    }
}
