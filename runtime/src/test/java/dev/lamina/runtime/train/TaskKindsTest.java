package dev.lamina.runtime.train;

import static dev.lamina.runtime.train.TrainingFixtures.mnist;
import static dev.lamina.runtime.train.TrainingFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.SplitMethod;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks that predict several yes/no tasks with missing labels, or numbers: the masked loss and its gradient,
 * the regression losses, metrics per task, validation-only choices and runs repeated over seeds, on MNIST digits
 * turned into tasks ("is the digit even?", "is it above 4?") and targets (the digit's value).
 */
class TaskKindsTest {

    private static Dataset digits;

    @BeforeAll
    static void loadData() throws IOException {
        digits = mnist("mnist_train_first1500.csv.gz");
    }

    @Test
    void missingLabelsAreLeftOutOfTheLossAndGetNoGradient() {
        float[] logits = {2f, -1f, 0.5f, 3f, -2f, 0f};
        float[] labels = {1f, Float.NaN, 0f, Float.NaN, 0f, 1f};
        try (NDManager manager = LaminaEngine.get().newBaseManager()) {
            NDArray x = manager.create(logits).reshape(3, 2);
            x.setRequiresGradient(true);
            NDArray y = manager.create(labels).reshape(3, 2);
            float loss;
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                NDArray value = LossFunction.mean(Loss.BCE_WITH_LOGITS, x, y, true);
                collector.backward(value);
                loss = value.getFloat();
            }
            // The mean of log(1 + e^x) - x y over the four labelled entries, in double precision.
            double expected = 0;
            for (int i = 0; i < logits.length; i++) {
                if (!Float.isNaN(labels[i])) {
                    expected += Math.log1p(Math.exp(logits[i])) - logits[i] * labels[i];
                }
            }
            assertEquals(expected / 4, loss, 1e-6);
            float[] gradient = x.getGradient().toFloatArray();
            for (int i = 0; i < logits.length; i++) {
                double wanted = Float.isNaN(labels[i]) ? 0 : (1 / (1 + Math.exp(-logits[i])) - labels[i]) / 4;
                assertEquals(wanted, gradient[i], 1e-6, "gradient " + i);
            }
        }
    }

    @Test
    void regressionLossesAreThoseOfPyTorch() {
        float[] outputs = {0.5f, 2f, -1f, 4f};
        float[] targets = {0f, 2.5f, 1f, 0.2f};
        try (NDManager manager = LaminaEngine.get().newBaseManager()) {
            NDArray x = manager.create(outputs).reshape(4, 1);
            NDArray y = manager.create(targets).reshape(4, 1);
            // Differences 0.5, -0.5, -2, 3.8.
            assertEquals((0.25 + 0.25 + 4 + 14.44) / 4, LossFunction.mean(Loss.MSE, x, y).getFloat(), 1e-5);
            assertEquals((0.5 + 0.5 + 2 + 3.8) / 4, LossFunction.mean(Loss.L1, x, y).getFloat(), 1e-5);
            // Huber, delta 1: d^2/2 within 1, |d| - 1/2 beyond.
            assertEquals((0.125 + 0.125 + 1.5 + 3.3) / 4, LossFunction.mean(Loss.HUBER, x, y).getFloat(), 1e-5);
        }
    }

    @Test
    void precisionRecallAucIsAveragePrecision() {
        // scikit-learn: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        float[] labels = {0, 0, 1, 1};
        float[] scores = {0.1f, 0.4f, 0.35f, 0.8f};
        assertEquals(5 / 6.0, PrAuc.of(scores, labels), 1e-12);
        assertEquals(0.75, RocAuc.of(scores, labels), 1e-12);
        assertTrue(Double.isNaN(PrAuc.of(scores, new float[4])), "no positive, no precision-recall curve");
    }

    @Test
    void aMultiTaskRunScoresEachTaskOverItsLabelledEntriesAndChoosesOnValidation(@TempDir Path output)
            throws IOException {
        Dataset tasks = twoTasks(digits);
        TrainingConfig config = config(output).epochs(3).loss(Loss.BCE_WITH_LOGITS)
                .tasks("even", "above_4").split(new SplitSettings(0.2, 0.2, SplitMethod.RANDOM, List.of(), false))
                .build();
        try (TrainingResult result = train(smallMlp("TwoTasks", 2, 0.0), config, TrainTestData.unsplit(tasks))) {
            Path run = result.runDirectory();
            String header = Files.readAllLines(run.resolve("history.csv"), StandardCharsets.UTF_8).get(0);
            assertEquals("epoch,train_loss,train_accuracy,val_loss,val_accuracy,val_roc_auc,val_pr_auc,"
                    + "learning_rate,seconds,rss_mb", header, "no test column: the test set is scored once");
            JsonObject metrics = metrics(run);
            assertEquals("val_loss", metrics.get("monitor").getAsString());
            assertEquals(300, metrics.get("validation_samples").getAsInt());
            assertEquals(300, metrics.get("test_samples").getAsInt());
            JsonObject perTask = metrics.getAsJsonObject("test_tasks");
            RunMetrics.SetMetrics test = result.metrics().test().orElseThrow();
            int[] labelled = test.labelled();
            // Every third "even" label is missing: the test set has fewer labelled "even" entries than samples.
            assertTrue(labelled[0] < 300 && labelled[0] > 150, "labelled even " + labelled[0]);
            assertEquals(300, labelled[1]);
            assertEquals(labelled[0], perTask.getAsJsonObject("even").get("labelled").getAsInt());
            double evenAuc = perTask.getAsJsonObject("even").get("roc_auc").getAsDouble();
            double aboveAuc = perTask.getAsJsonObject("above_4").get("roc_auc").getAsDouble();
            assertTrue(evenAuc > 0.8 && aboveAuc > 0.8, evenAuc + ", " + aboveAuc);
            assertEquals((evenAuc + aboveAuc) / 2, metrics.get("test_roc_auc").getAsDouble(), 1e-12);
            // The test numbers are those of the chosen epoch's parameters (best.safetensors).
            assertEquals(result.metrics().bestEpoch(), test.epoch());
        }
    }

    @Test
    void aRegressionRunReportsErrorsAndExplainedVariance(@TempDir Path output) throws IOException {
        float[] values = digits.labels().clone();
        Dataset targets = Dataset.of("digit values", digits.features(), digits.sampleShape(), values);
        TrainingConfig config = config(output).epochs(8).loss(Loss.MSE).learningRate(1e-2)
                .split(new SplitSettings(0.2, 0.2, SplitMethod.RANDOM, List.of(), false)).build();
        try (TrainingResult result = train(smallMlp("DigitValue", 1, 0.0), config, TrainTestData.unsplit(targets))) {
            String header = Files.readAllLines(result.runDirectory().resolve("history.csv"), StandardCharsets.UTF_8)
                    .get(0);
            assertEquals("epoch,train_loss,val_loss,val_rmse,val_mae,val_r2,learning_rate,seconds,rss_mb", header);
            RunMetrics.SetMetrics test = result.metrics().test().orElseThrow();
            double rmse = test.value(dev.lamina.spec.contract.Measure.RMSE);
            // MSE over the test set is the loss; its square root is the RMSE.
            assertEquals(Math.sqrt(test.loss()), rmse, 1e-4);
            double r2 = test.value(dev.lamina.spec.contract.Measure.R2);
            assertTrue(r2 > 0.5 && r2 < 1, "R² " + r2);
            assertFalse(metrics(result.runDirectory()).has("test_accuracy"), "no accuracy for numbers");
        }
    }

    @Test
    void labelsOfTheWrongKindAreReportedWithTheirRow(@TempDir Path output) {
        float[] labels = digits.labels().clone();
        Dataset notBinary = Dataset.of("digits.csv", digits.features(), digits.sampleShape(), labels);
        TrainingConfig config = config(output).loss(Loss.BCE_WITH_LOGITS).build();
        TrainingException e = assertThrows(TrainingException.class, () -> train(smallMlp("Binary", 1, 0.0), config,
                new TrainTestData(notBinary, notBinary.limit(10))));
        assertTrue(e.getMessage().contains("label 5.0 is not 0, 1 or missing (BCE-with-logits)"), e.getMessage());
        TrainingException tasks = assertThrows(TrainingException.class, () -> train(smallMlp("Tasks", 2, 0.0),
                config.toBuilder().tasks("a", "b", "c").build(), TrainTestData.unsplit(twoTasks(digits))));
        assertTrue(tasks.getMessage().contains("has 2 labels per sample, but Tasks was compiled for 3 tasks [a, b, c]"),
                tasks.getMessage());
    }

    @Test
    void aRunOverSeedsReportsMeanAndStandardDeviationOfItsRuns(@TempDir Path output) throws IOException {
        TrainingConfig config = config(output).epochs(1).loss(Loss.BCE_WITH_LOGITS)
                .tasks("even", "above_4").split(new SplitSettings(0.2, 0.2, SplitMethod.RANDOM, List.of(3, 5), false))
                .build();
        TrainingJob job = new TrainingJob("Seeds", smallMlp("Seeds", 2, 0.0), "summary\n", config, Optional.empty());
        SeedSummary summary = RepeatedRuns.train(job, config, TrainTestData.unsplit(twoTasks(digits)));
        Path group = output.resolve("Seeds/run_1");
        assertTrue(Files.isRegularFile(group.resolve("seed_3/Seeds.lamina.safetensors")));
        assertTrue(Files.isRegularFile(group.resolve("seed_5/metrics.json")));
        double first = metrics(group.resolve("seed_3")).get("test_roc_auc").getAsDouble();
        double second = metrics(group.resolve("seed_5")).get("test_roc_auc").getAsDouble();
        assertNotEquals(first, second, "other seeds, other splits and weights");
        JsonObject spread = metrics(group).getAsJsonObject("test_roc_auc");
        assertEquals((first + second) / 2, spread.get("mean").getAsDouble(), 1e-12);
        assertEquals(Math.abs(first - second) / Math.sqrt(2), spread.get("std").getAsDouble(), 1e-12);
        assertEquals(2, summary.runs().size());
        assertTrue(metrics(group).getAsJsonObject("test_tasks").getAsJsonObject("even").has("pr_auc"));
    }

    /** "Is the digit even?" (every third label missing) and "is it above 4?". */
    private static Dataset twoTasks(Dataset digits) {
        float[] labels = new float[digits.size() * 2];
        for (int i = 0; i < digits.size(); i++) {
            float digit = digits.labels()[i];
            labels[2 * i] = i % 3 == 0 ? Float.NaN : digit % 2 == 0 ? 1 : 0;
            labels[2 * i + 1] = digit > 4 ? 1 : 0;
        }
        return Dataset.multiTask("digit tasks", digits.features(), digits.sampleShape(), labels,
                List.of("even", "above_4"), null);
    }

    private static TrainingResult train(dev.lamina.runtime.Architecture network, TrainingConfig config,
            TrainTestData data) throws IOException {
        TrainingJob job = new TrainingJob(network.name(), network, "summary of " + network.name() + "\n", config,
                Optional.empty());
        return Trainer.train(job, config, data);
    }

    private static TrainingConfig.Builder config(Path output) {
        return TrainingConfig.builder().epochs(3).batchSize(32).seed(7).device("cpu").progressBar(false)
                .outputDirectory(output);
    }

    private static JsonObject metrics(Path run) throws IOException {
        return JsonParser.parseString(Files.readString(run.resolve("metrics.json"))).getAsJsonObject();
    }
}
