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
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

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

    /** Trains {@code data} for one epoch with {@code loss} and returns the run's model file. */
    private static Path trainTiny(Path output, String name, Loss loss, int outputs, Dataset train, Dataset test,
            PrintStream console) throws IOException {
        Architecture architecture = Architecture.builder(name, 4)
                .stage("hidden", new LinearSpec(4, 8), new ReLUSpec())
                .stage("out", new LinearSpec(8, outputs))
                .build();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(1).batchSize(16).seed(3).loss(loss)
                .optimizer(OptimizerSettings.Adam.defaults()).device("cpu").progressBar(false)
                .outputDirectory(output).out(console)
                .tasks(train.taskNames().toArray(String[]::new))
                .build();
        TrainingJob job = new TrainingJob(name, architecture, "summary\n", config, Optional.empty());
        try (TrainingResult result = Trainer.train(job, config, new TrainTestData(train, test))) {
            return output.resolve(name + "/run_1/" + ModelFile.fileName(name));
        }
    }

    private static float[] features(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void aRunRecordsTheTaskAndClassNamesOfItsData(@TempDir Path output) throws IOException {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<String> tasks = List.of("NR-AR", "NR-AhR", "SR-p53");
        float[] taskLabels = new float[64 * 3];
        for (int i = 0; i < taskLabels.length; i++) {
            taskLabels[i] = i % 7 == 0 ? Float.NaN : (i * 5 % 3 == 0 ? 1 : 0);
        }
        Dataset multiTask = Dataset.multiTask("tasks", features(64, 1), new long[] {4}, taskLabels, tasks, null);
        Path tasksFile = trainTiny(output, "Assays", Loss.BCE_WITH_LOGITS, 3, multiTask, multiTask, console);
        float[] sample = Arrays.copyOf(multiTask.features(), 4);
        try (LaminaModel<float[]> model = LaminaModel.load(tasksFile, float[].class)) {
            assertEquals(TaskKind.BINARY, model.kind());
            assertEquals(tasks, model.outputNames());
            float[] logits;
            try (LaminaNetwork network = LaminaNetwork.create(model.contents().architecture(), Device.cpu())) {
                network.restore(tasksFile, Map.of(), model.contents().tensors());
                logits = network.predictOutputs(new float[][] {sample})[0];
            }
            float[] p = model.predictOutputs(sample);
            for (int t = 0; t < 3; t++) {
                assertEquals(1 / (1 + Math.exp(-logits[t])), p[t], 1e-6, "task " + t + ": its own sigmoid");
            }
        }

        float[] classLabels = new float[64];
        for (int i = 0; i < classLabels.length; i++) {
            classLabels[i] = i % 3;
        }
        Dataset named = Dataset.of("animals", features(64, 2), new long[] {4}, classLabels)
                .withClassNames(List.of("cat", "dog", "bird"));
        Path classesFile = trainTiny(output, "Animals", Loss.CROSS_ENTROPY, 3, named, named, console);
        try (LaminaModel<float[]> model = LaminaModel.load(classesFile, float[].class)) {
            assertEquals(List.of("cat", "dog", "bird"), model.outputNames());
            Prediction prediction = model.predict(Arrays.copyOf(named.features(), 4));
            assertEquals(List.of("cat", "dog", "bird").get(prediction.predictedClass()), prediction.predictedName());
        }
    }
}
