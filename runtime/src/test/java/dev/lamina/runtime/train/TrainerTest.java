package dev.lamina.runtime.train;

import static dev.lamina.runtime.train.TrainingFixtures.mnist;
import static dev.lamina.runtime.train.TrainingFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.SplitMethod;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MnistLayout;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.io.SafeTensors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Trainer.train end to end on real data: the first 1,500 MNIST training images and the first 500 test
 * images (src/test/resources/training/mnist/), pixels / 255, with a 784-32-BN-ReLU-10 network on the CPU.
 */
class TrainerTest {

    private static final String HEADER =
            "epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,seconds,rss_mb";
    private static final String VALIDATION_HEADER =
            "epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,rss_mb";
    private static final String BINARY_HEADER =
            "epoch,train_loss,train_accuracy,test_loss,test_accuracy,test_roc_auc,test_pr_auc,learning_rate,seconds,rss_mb";

    private static Dataset train;
    private static Dataset test;

    @BeforeAll
    static void loadData() throws IOException {
        train = mnist("mnist_train_first1500.csv.gz");
        test = mnist("mnist_test_first500.csv.gz");
        assertEquals(1500, train.size());
        assertEquals(500, test.size());
    }

    @Test
    void threeEpochRunWritesTheRunFilesAndLearns(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("MnistSmall", 10, 0.0);
        TrainingConfig config = config(output).build();
        try (TrainingResult result = train(network, config, new TrainTestData(train, test))) {
            Path run = output.resolve("MnistSmall/run_1");
            assertEquals(run, result.runDirectory());
            for (String file : List.of("best.safetensors", "last.safetensors", "checkpoint.safetensors",
                    "history.csv", "metrics.json", "summary.txt")) {
                assertTrue(Files.isRegularFile(run.resolve(file)), file + " is missing");
            }
            assertEquals("summary of MnistSmall\n", Files.readString(run.resolve("summary.txt")));

            List<String[]> rows = history(run, HEADER);
            assertEquals(3, rows.size());
            for (int i = 0; i < 3; i++) {
                EpochResult epoch = result.history().get(i);
                String[] row = rows.get(i);
                assertEquals(8, row.length, String.join(",", row));
                assertEquals(i + 1, Integer.parseInt(row[0]));
                // Written at full precision: what the file says is exactly what the run computed.
                assertEquals(epoch.trainLoss(), Double.parseDouble(row[1]));
                assertEquals(epoch.trainAccuracy(), Double.parseDouble(row[2]));
                assertEquals(epoch.testLoss(), Double.parseDouble(row[3]));
                assertEquals(epoch.testAccuracy(), Double.parseDouble(row[4]));
                assertEquals(1e-3, Double.parseDouble(row[5]));
                assertTrue(Double.parseDouble(row[6]) > 0, "seconds");
                assertTrue(Double.parseDouble(row[7]) > 50, "rss_mb " + row[7]);
            }

            double[] trainLoss = result.history().stream().mapToDouble(EpochResult::trainLoss).toArray();
            assertTrue(trainLoss[0] > trainLoss[1] && trainLoss[1] > trainLoss[2],
                    "train loss decreases: " + Arrays.toString(trainLoss));
            assertTrue(trainLoss[0] < Math.log(10), "the first epoch already learns: " + trainLoss[0]);
            EpochResult last = result.lastEpoch();
            // Chance is 0.1; 1,500 images and three epochs of Adam reach about 0.85.
            assertTrue(last.testAccuracy() > 0.7, "test accuracy " + last.testAccuracy());
            assertTrue(last.trainAccuracy() > 0.8, "train accuracy " + last.trainAccuracy());

            JsonObject metrics = metrics(run);
            for (String key : List.of("network", "epochs", "batch_size", "train_samples", "test_samples",
                    "train_seconds", "samples_per_second", "final_train_loss", "test_accuracy", "peak_rss_mb",
                    "device", "threads", "seed")) {
                assertTrue(metrics.has(key), "metrics.json lacks " + key + ": " + metrics);
            }
            assertFalse(metrics.has("test_roc_auc"), "ROC AUC is for one-logit networks only");
            assertEquals("MnistSmall", metrics.get("network").getAsString());
            assertEquals(3, metrics.get("epochs").getAsInt());
            assertEquals(32, metrics.get("batch_size").getAsInt());
            assertEquals(1500, metrics.get("train_samples").getAsInt());
            assertEquals(500, metrics.get("test_samples").getAsInt());
            assertEquals(trainLoss[2], metrics.get("final_train_loss").getAsDouble());
            assertEquals(last.testAccuracy(), metrics.get("test_accuracy").getAsDouble());
            assertTrue(metrics.get("train_seconds").getAsDouble() > 0);
            assertTrue(metrics.get("samples_per_second").getAsDouble() > 0);
            // history.csv rounds to 0.1 MB (up, too), metrics.json to 0.001: equal when the peak was at that epoch.
            assertTrue(metrics.get("peak_rss_mb").getAsDouble() >= Double.parseDouble(rows.get(2)[7]) - 0.05);
            assertTrue(metrics.get("device").getAsString().startsWith("cpu"), metrics.get("device").getAsString());
            assertEquals(LaminaEngine.threads(), metrics.get("threads").getAsInt());
            assertEquals(7, metrics.get("seed").getAsInt());
            assertEquals(result.metrics().toJsonMap().keySet(), metrics.keySet());

            // last.safetensors holds the final parameters; best.safetensors those of the lowest training loss:
            // without a validation set nothing is chosen on the test set.
            Map<String, SafeTensors.Tensor> lastFile = SafeTensors.read(run.resolve("last.safetensors")).tensors();
            assertEquals(result.network().parameterNames(), List.copyOf(lastFile.keySet()));
            for (String name : result.network().parameterNames()) {
                assertArrayEquals(result.network().parameter(name).toFloatArray(), lastFile.get(name).data(), name);
            }
            int bestEpoch = metrics.get("best_epoch").getAsInt();
            double[] trainLoss2 = result.history().stream().mapToDouble(EpochResult::trainLoss).toArray();
            assertEquals(bestEpoch - 1, argmin(trainLoss2), "best epoch by train_loss " + Arrays.toString(trainLoss2));
            assertEquals("train_loss", metrics.get("monitor").getAsString());

            // Nothing a step, an evaluation or the optimizer created is left on the network's manager.
            assertEquals(result.network().parameterNames().size(),
                    result.network().manager().getManagedArrays().size());

            SafeTensors.Contents checkpoint = SafeTensors.read(run.resolve("checkpoint.safetensors"));
            assertEquals("3", checkpoint.metadata().get("completed_epochs"));
            assertEquals(Long.toString(3 * ((1500 + 31) / 32)), checkpoint.metadata().get("optimizer_steps"));
            for (String name : result.network().trainableArrays().keySet()) {
                assertTrue(checkpoint.tensors().containsKey("optimizer/" + name + "/exp_avg"), name);
                assertTrue(checkpoint.tensors().containsKey("optimizer/" + name + "/exp_avg_sq"), name);
            }
        }
    }

    @Test
    void theSameSeedRepeatsARunBitForBitAndAnotherSeedDoesNot(@TempDir Path output) throws IOException {
        // Dropout and shuffling on: both draw random numbers, from the seed.
        Architecture network = smallMlp("Repeat", 10, 0.2);
        TrainTestData data = new TrainTestData(train.limit(500), test);
        List<String> first = column(runTwoEpochs(network, output.resolve("a"), 7, data), 1);
        List<String> second = column(runTwoEpochs(network, output.resolve("b"), 7, data), 1);
        List<String> otherSeed = column(runTwoEpochs(network, output.resolve("c"), 8, data), 1);
        assertEquals(first, second, "train_loss with the same seed");
        assertEquals(column(output.resolve("a/Repeat/run_1"), 3), column(output.resolve("b/Repeat/run_1"), 3), "test_loss");
        assertEquals(parameters(output.resolve("a/Repeat/run_1/last.safetensors")),
                parameters(output.resolve("b/Repeat/run_1/last.safetensors")));
        for (int i = 0; i < first.size(); i++) {
            assertNotEquals(first.get(i), otherSeed.get(i), "train_loss of epoch " + (i + 1) + " with another seed");
        }
    }

    private static Path runTwoEpochs(Architecture network, Path output, int seed, TrainTestData data)
            throws IOException {
        try (TrainingResult result = train(network, config(output).epochs(2).seed(seed).build(), data)) {
            return result.runDirectory();
        }
    }

    @Test
    void aCallbackIsToldWhenEachEpochsTrainingLoopStartsAndEnds(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("Listened", 10, 0.2);
        TrainTestData data = new TrainTestData(train.limit(500), test);
        List<String> events = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        int[] steps = new int[1];
        TrainingCallback callback = new TrainingCallback() {
            @Override
            public void onTrainBegin(TrainingContext context) {
                events.add("begin " + context.networkName());
            }

            @Override
            public void onEpochBegin(int epoch) {
                events.add("started " + epoch);
                times.add(System.nanoTime());
            }

            @Override
            public void onStepEnd(int step) {
                steps[0]++;
            }

            @Override
            public void onTrainingLoopEnd(int epoch) {
                events.add("finished " + epoch);
                times.add(System.nanoTime());
            }

            @Override
            public void onEpochEnd(EpochResult epoch) {
                events.add("evaluated " + epoch.epoch());
            }

            @Override
            public void onTrainEnd(TrainingOutcome outcome) {
                events.add("end after " + outcome.history().size() + ", best " + outcome.metrics().bestEpoch());
            }
        };
        TrainingConfig config = config(output).epochs(2).callback(callback).build();
        TrainingJob job = new TrainingJob(network.name(), network, "summary\n", config, Optional.empty());
        try (TrainingResult result = Trainer.train(job, config, data)) {
            assertEquals(List.of("begin Listened", "started 1", "finished 1", "evaluated 1", "started 2",
                    "finished 2", "evaluated 2", "end after 2, best " + result.metrics().bestEpoch()), events);
            assertEquals(2 * ((500 + 31) / 32), steps[0], "one call per step");
            for (int epoch = 0; epoch < 2; epoch++) {
                double loop = (times.get(2 * epoch + 1) - times.get(2 * epoch)) / 1e9;
                EpochResult epochResult = result.history().get(epoch);
                // The span lies inside the epoch, before its evaluation, and is most of its training time.
                assertTrue(loop < epochResult.seconds(), "loop " + loop + " s, epoch " + epochResult.seconds() + " s");
                assertTrue(loop > 0.5 * epochResult.trainSeconds(),
                        "loop " + loop + " s, training " + epochResult.trainSeconds() + " s");
            }
        }
    }

    @Test
    void aCallbackCanStopTheRunAndTheRunPrintsToTheConfiguredSink(@TempDir Path output) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrainingCallback stopAfterTwo = new TrainingCallback() {
            private TrainingContext context;

            @Override
            public void onTrainBegin(TrainingContext context) {
                this.context = context;
            }

            @Override
            public void onEpochEnd(EpochResult epoch) {
                if (epoch.epoch() == 2) {
                    context.requestStop("Enough after epoch 2");
                }
            }
        };
        TrainingConfig config = config(output).epochs(5).callback(stopAfterTwo)
                .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).build();
        try (TrainingResult result = train(smallMlp("Stopped", 10, 0.0), config,
                new TrainTestData(train.limit(200), test))) {
            assertTrue(result.stoppedEarly());
            assertEquals(2, result.history().size());
            assertTrue(result.metrics().stoppedEarly());
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("summary of Stopped\nTraining Stopped on cpu"), text);
        assertTrue(text.contains("\nEpoch 1 - train_loss: "), text);
        assertTrue(text.contains("\nEpoch 2 - train_loss: "), text);
        assertFalse(text.contains("\nEpoch 3 "), text);
        assertTrue(text.contains("\nEnough after epoch 2\n"), text);
        assertTrue(text.contains("Report: " + output.resolve("Stopped/run_1/report.html").toAbsolutePath()), text);
    }

    /** Counts the epochs it saw; the count survives a resume through the checkpoint. */
    public static final class EpochCounter implements TrainingCallback {
        static final List<Integer> COUNTS = new ArrayList<>();
        private int seen;

        @Override
        public void onEpochEnd(EpochResult epoch) {
            seen++;
            COUNTS.add(seen);
        }

        @Override
        public Map<String, String> state() {
            return Map.of("seen", Integer.toString(seen));
        }

        @Override
        public void restoreState(Map<String, String> state) {
            seen = Integer.parseInt(state.get("seen"));
        }
    }

    @Test
    void callbackStateIsSavedInTheCheckpointAndRestoredOnResume(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("Counted", 10, 0.0);
        TrainTestData data = new TrainTestData(train.limit(100), test);
        EpochCounter.COUNTS.clear();
        TrainingConfig config = config(output).epochs(2).callbacks(EpochCounter.class)
                .split(SplitSettings.validationOnly(0.2))
                .earlyStopping(new EarlyStoppingSettings("val_loss", 5, 0, false)).build();
        train(network, config, data).close();
        Map<String, String> metadata = SafeTensors.read(output.resolve("Counted/run_1/checkpoint.safetensors")).metadata();
        assertEquals("2", metadata.get("callback/" + EpochCounter.class.getName() + "/seen"));
        assertTrue(metadata.containsKey("callback/early_stopping/stale_epochs"), metadata.toString());
        assertTrue(metadata.containsKey("callback/best_parameters/best_epoch"), metadata.toString());
        // A new instance per run, which continues from the saved count.
        train(network, config.toBuilder().epochs(3).resume(true).build(), data).close();
        assertEquals(List.of(1, 2, 3), EpochCounter.COUNTS);
        IllegalArgumentException notACallback = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().callbacks(String.class));
        assertTrue(notACallback.getMessage().contains("java.lang.String does not implement"),
                notACallback.getMessage());
    }

    @Test
    void aCheckpointFromBeforeCallbacksStillResumesWithItsEarlyStoppingState(@TempDir Path output)
            throws IOException {
        // Any fall of the validation loss below 10 is no improvement: from epoch 2 on every epoch is stale.
        Architecture network = smallMlp("Legacy", 10, 0.0);
        TrainTestData data = new TrainTestData(train.limit(100), test);
        TrainingConfig config = config(output).epochs(1)
                .split(SplitSettings.validationOnly(0.2))
                .earlyStopping(new EarlyStoppingSettings("val_loss", 2, 10.0, false)).build();
        train(network, config, data).close();
        // Rewrite the checkpoint as runs wrote it before callbacks: the tracking at the top level.
        Path file = output.resolve("Legacy/run_1/checkpoint.safetensors");
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, String> legacy = new LinkedHashMap<>();
        contents.metadata().forEach((key, value) -> {
            if (key.startsWith("callback/early_stopping/")) {
                legacy.put(key.substring("callback/early_stopping/".length()), value);
            } else if (!key.startsWith("callback/")) {
                legacy.put(key, value);
            }
        });
        assertEquals("1", legacy.get("best_epoch"));
        SafeTensors.write(file, legacy, contents.tensors());

        try (TrainingResult resumed = train(network, config.toBuilder().epochs(6).resume(true).build(), data)) {
            // Epochs 2 and 3 are stale against epoch 1's best: the restored patience count stops the run there.
            assertTrue(resumed.stoppedEarly());
            assertEquals(3, resumed.history().size());
            assertEquals(1, resumed.metrics().bestEpoch());
        }
    }

    @Test
    void aResumedRunRepeatsAStraightRunExactly(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("Resumable", 10, 0.2);
        TrainTestData data = new TrainTestData(train.limit(500), test);
        Path interrupted = output.resolve("interrupted");
        Path straight = output.resolve("straight");
        TrainingConfig config = config(interrupted).epochs(2).build();
        train(network, config, data).close();
        assertEquals(2, history(interrupted.resolve("Resumable/run_1"), HEADER).size());
        try (TrainingResult resumed = train(network, config.toBuilder().epochs(4).resume(true).build(), data)) {
            assertEquals(4, resumed.history().size(), "the history holds the first run's epochs too");
            assertEquals(4, resumed.metrics().epochs());
        }
        train(network, config.toBuilder().epochs(4).outputDirectory(straight).build(), data).close();

        List<String[]> resumedRows = history(interrupted.resolve("Resumable/run_1"), HEADER);
        List<String[]> straightRows = history(straight.resolve("Resumable/run_1"), HEADER);
        assertEquals(4, resumedRows.size());
        for (int i = 0; i < 4; i++) {
            // epoch, train_loss, train_accuracy, test_loss, test_accuracy, learning_rate: bit for bit.
            assertEquals(List.of(straightRows.get(i)).subList(0, 6), List.of(resumedRows.get(i)).subList(0, 6),
                    "epoch " + (i + 1));
        }
        assertEquals(parameters(straight.resolve("Resumable/run_1/last.safetensors")),
                parameters(interrupted.resolve("Resumable/run_1/last.safetensors")));
        assertEquals(parameters(straight.resolve("Resumable/run_1/checkpoint.safetensors")),
                parameters(interrupted.resolve("Resumable/run_1/checkpoint.safetensors")), "optimizer state too");

        TrainingException done = assertThrows(TrainingException.class,
                () -> train(network, config.toBuilder().epochs(4).resume(true).build(), data));
        assertTrue(done.getMessage().contains("already trained 4 epochs, and 4 were asked for"), done.getMessage());
    }

    @Test
    void aSecondRunKeepsTheFirstAndLatestPointsAtTheNewest(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("Kept", 10, 0.0);
        TrainTestData data = new TrainTestData(train.limit(200), test);
        Path first;
        Path second;
        try (TrainingResult result = train(network, config(output).epochs(2).build(), data)) {
            first = result.runDirectory();
        }
        String firstHistory = Files.readString(first.resolve("history.csv"));
        try (TrainingResult result = train(network, config(output).epochs(1).build(), data)) {
            second = result.runDirectory();
        }
        assertEquals(output.resolve("Kept/run_1"), first);
        assertEquals(output.resolve("Kept/run_2"), second);
        assertEquals(firstHistory, Files.readString(first.resolve("history.csv")), "the first run is untouched");
        assertEquals(1, history(second, HEADER).size(), "one epoch");
        assertEquals(second.toRealPath(), output.resolve("Kept/latest").toRealPath());
        assertEquals("run_2", Files.readString(output.resolve("Kept/latest.txt")).strip());
        // Resume continues the latest run, in its own folder.
        try (TrainingResult result = train(network, config(output).epochs(2).resume(true).build(), data)) {
            assertEquals(second, result.runDirectory());
        }
        assertEquals(2, history(second, HEADER).size(), "resumed to two epochs");
    }

    @Test
    void aRunFolderInUseIsRefused(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("Busy", 10, 0.0);
        TrainTestData data = new TrainTestData(train.limit(100), test);
        try (TrainingResult result = train(network, config(output).epochs(1).build(), data)) {
            assertEquals(output.resolve("Busy/run_1"), result.runDirectory());
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                        output.resolve("Busy/run_1/.lock"), java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = channel.lock()) {
            // Another process would hold it; in this JVM the same lock is refused just the same.
            TrainingException e = assertThrows(TrainingException.class,
                    () -> train(network, config(output).epochs(2).resume(true).build(), data));
            assertEquals("another run is writing " + output.resolve("Busy/run_1").toAbsolutePath() + " right now;"
                    + " wait for it to end, or start a new run (without resume), which gets a folder of its own",
                    e.getMessage());
        }
    }

    @Test
    void resumingWithoutACheckpointFailsClearly(@TempDir Path output) {
        Architecture network = smallMlp("NeverRan", 10, 0.0);
        TrainingException e = assertThrows(TrainingException.class, () -> train(network,
                config(output).resume(true).build(), new TrainTestData(train.limit(100), test)));
        assertEquals("nothing to resume: NeverRan has no run in " + output.resolve("NeverRan").toAbsolutePath()
                + "; train without resume first", e.getMessage());
        assertFalse(Files.exists(output.resolve("NeverRan/run_1")));
    }

    @Test
    void earlyStoppingStopsWhenTheMonitorStallsAndRestoresTheBestEpoch(@TempDir Path output) throws IOException {
        // A validation loss has to fall by more than 10 to count as better: after epoch 1 nothing improves.
        Architecture network = smallMlp("Stalls", 10, 0.0);
        TrainTestData data = new TrainTestData(train.limit(500), test);
        TrainingConfig config = config(output).epochs(10)
                .split(SplitSettings.validationOnly(0.2))
                .earlyStopping(new EarlyStoppingSettings("val_loss", 1, 10.0, true)).build();
        try (TrainingResult result = train(network, config, data)) {
            assertTrue(result.stoppedEarly());
            assertEquals(2, result.history().size(), "patience 1: stops after the first epoch without improvement");
            assertTrue(result.metrics().stoppedEarly());
            assertEquals(1, result.metrics().bestEpoch());
            assertEquals(2, history(result.runDirectory(), VALIDATION_HEADER).size());
            // The network handed back is epoch 1's (best.safetensors), not epoch 2's (last.safetensors).
            Map<String, List<Float>> current = parameters(result);
            assertEquals(parameters(result.runDirectory().resolve("best.safetensors")), current);
            assertNotEquals(parameters(result.runDirectory().resolve("last.safetensors")), current);
        }
        try (TrainingResult kept = train(network, config.toBuilder().outputDirectory(output.resolve("keep"))
                .earlyStopping(new EarlyStoppingSettings("train_loss", 1, 10.0, false)).build(), data)) {
            assertTrue(kept.stoppedEarly());
            assertEquals(2, kept.history().size());
            assertEquals(parameters(kept.runDirectory().resolve("last.safetensors")), parameters(kept));
        }
    }

    @Test
    void aDivergingRunStopsWithTheEpochTheStepAndAdvice(@TempDir Path output) {
        Architecture network = smallMlp("Diverges", 10, 0.0);
        TrainingConfig config = config(output).optimizer(new OptimizerSettings.Sgd(1e6, 0.9, false, 0)).build();
        TrainingException e = assertThrows(TrainingException.class,
                () -> train(network, config, new TrainTestData(train.limit(500), test)));
        String message = e.getMessage();
        assertTrue(message.matches("(?s).*the loss became (NaN|Infinity|-Infinity) in epoch \\d+, step \\d+ .*"),
                message);
        assertTrue(message.contains("lower learning rate than 1000000.0"), message);
    }

    @Test
    void aLabelOutOfRangeIsReportedWithItsLineBeforeTraining(@TempDir Path output) {
        Dataset bad = train.limit(100);
        bad.labels()[41] = 10;
        TrainingException e = assertThrows(TrainingException.class,
                () -> train(smallMlp("BadLabel", 10, 0.0), config(output).build(), new TrainTestData(bad, test)));
        assertEquals(bad.describeRow(41) + ": label 10.0 is not a class index from 0 to 9 (BadLabel has 10 outputs)",
                e.getMessage());
        assertTrue(e.getMessage().contains("mnist_train_first1500.csv.gz line 42"), e.getMessage());
        assertFalse(Files.exists(output.resolve("BadLabel/run_1/history.csv")), "no training happened");
    }

    @Test
    void aNonFiniteFeatureIsReportedWithItsLine(@TempDir Path output) {
        Dataset bad = test.limit(50);
        bad.features()[5 * 784 + 100] = Float.NaN;
        TrainingException e = assertThrows(TrainingException.class, () -> train(smallMlp("NanPixel", 10, 0.0),
                config(output).build(), new TrainTestData(train.limit(100), bad)));
        assertTrue(e.getMessage().startsWith(bad.describeRow(5) + ": feature 101 is NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("mnist_test_first500.csv.gz line 6"), e.getMessage());
    }

    @Test
    void samplesOfTheWrongShapeAreRejected(@TempDir Path output) throws IOException {
        Dataset images = mnist("mnist_test_first500.csv.gz", MnistLayout.IMAGE).limit(64);
        TrainingException e = assertThrows(TrainingException.class, () -> train(smallMlp("Flat", 10, 0.0),
                config(output).build(), new TrainTestData(images, null)));
        assertTrue(e.getMessage().contains("has samples of shape [1, 28, 28], but Flat expects [784]"),
                e.getMessage());
    }

    @Test
    void crossEntropyNeedsMoreThanOneOutput(@TempDir Path output) {
        TrainingException e = assertThrows(TrainingException.class, () -> train(smallMlp("OneLogit", 1, 0.0),
                config(output).build(), new TrainTestData(train.limit(100), test)));
        assertTrue(e.getMessage().contains("OneLogit has 1 output; cross-entropy needs one logit per class"),
                e.getMessage());
        assertTrue(e.getMessage().contains("BCE_WITH_LOGITS"), e.getMessage());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("epochs must be at least 1, was 0", b -> b.epochs(0)),
                invalid("batch size must be at least 1, was 0", b -> b.batchSize(0)),
                invalid("learning rate must be a positive number, was -0.1", b -> b.learningRate(-0.1)),
                invalid("unknown device 'tpu'", b -> b.device("tpu")),
                invalid("SGD momentum must be in [0, 1), was 1.0",
                        b -> b.optimizer(new OptimizerSettings.Sgd(0.1, 1.0, false, 0))),
                invalid("unknown metric 'val_los'; it may watch train_loss, train_accuracy, val_loss, val_accuracy",
                        b -> b.earlyStopping(new EarlyStoppingSettings("val_los", 2, 0, true))),
                invalid("test_loss is measured on the test set, which only scores the chosen model; watch val_loss",
                        b -> b.earlyStopping(new EarlyStoppingSettings("test_loss", 2, 0, true))),
                invalid("early stopping patience must be at least 1, was 0",
                        b -> b.earlyStopping(new EarlyStoppingSettings("val_loss", 0, 0, true))),
                invalid("unknown metric 'val_roc_auc'",
                        b -> b.earlyStopping(new EarlyStoppingSettings("val_roc_auc", 2, 0, true))),
                invalid("split: validation 0.5 and test 0.5 leave no training data",
                        b -> b.split(new SplitSettings(0.5, 0.5, SplitMethod.RANDOM, List.of(), false))));
    }

    private static Arguments invalid(String message, UnaryOperator<TrainingConfig.Builder> change) {
        return Arguments.of(message, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingsAreRejectedNamingTheSetting(String message, UnaryOperator<TrainingConfig.Builder> change,
            @TempDir Path output) {
        TrainingConfig config = change.apply(config(output)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(smallMlp("Invalid", 10, 0.0), config, new TrainTestData(train.limit(100), test)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(Files.exists(output.resolve("Invalid/run_1/history.csv")), "no training happened");
    }

    @Test
    void earlyStoppingOnAValidationMetricNeedsAValidationSet(@TempDir Path output) {
        TrainingConfig config = config(output).earlyStopping(new EarlyStoppingSettings("val_loss", 2, 0, true))
                .build();
        TrainingException e = assertThrows(TrainingException.class,
                () -> train(smallMlp("NoValidation", 10, 0.0), config, new TrainTestData(train.limit(100), test)));
        assertTrue(e.getMessage().contains("early stopping monitors val_loss, but there is no validation set; add"
                + " @Split(validation = 0.1)"), e.getMessage());
    }

    @Test
    void anOutputFolderThatCannotBeWrittenFailsBeforeTraining(@TempDir Path output) throws IOException {
        Path file = Files.writeString(output.resolve("not-a-folder"), "x");
        Path runs = file.resolve("runs");
        TrainingException e = assertThrows(TrainingException.class, () -> train(smallMlp("Nowhere", 10, 0.0),
                config(runs).build(), new TrainTestData(train.limit(100), test)));
        assertTrue(e.getMessage().startsWith("cannot write the run folder " + runs.resolve("Nowhere").toAbsolutePath()),
                e.getMessage());
        assertTrue(e.getMessage().contains("choose another output directory"), e.getMessage());
    }

    @Test
    void batchNormTrainsWhenTheLastBatchHoldsOneSample(@TempDir Path output) throws IOException {
        // 33 samples at batch 32: the second batch has one sample, which BatchNorm cannot normalise.
        try (TrainingResult result = train(smallMlp("Odd", 10, 0.0), config(output).epochs(2).build(),
                new TrainTestData(train.limit(33), test))) {
            assertEquals(2, result.history().size());
            assertTrue(result.history().stream().allMatch(e -> Double.isFinite(e.trainLoss())));
            assertEquals(33, result.metrics().trainSamples());
            // One optimizer step per epoch: the batch of one is skipped, not trained on.
            assertEquals("2", SafeTensors.read(result.runDirectory().resolve("checkpoint.safetensors"))
                    .metadata().get("optimizer_steps"));
        }
    }

    @Test
    void batchNormWithBatchesOfOneFailsBeforeTraining(@TempDir Path output) {
        TrainingException e = assertThrows(TrainingException.class, () -> train(smallMlp("Single", 10, 0.0),
                config(output).batchSize(1).build(), new TrainTestData(train.limit(100), test)));
        assertEquals("Single has BatchNorm, which needs at least 2 samples per batch; the batch size is 1",
                e.getMessage());
        TrainingException tooFew = assertThrows(TrainingException.class, () -> train(smallMlp("Lonely", 10, 0.0),
                config(output).build(), new TrainTestData(train.limit(1), test)));
        assertTrue(tooFew.getMessage().startsWith("Lonely has BatchNorm, which needs at least 2 training samples;"),
                tooFew.getMessage());
    }

    @Test
    void aBinaryRunReportsRocAuc(@TempDir Path output) throws IOException {
        // Is the digit even? One logit, BCE-with-logits.
        TrainTestData data = new TrainTestData(even(train), even(test));
        TrainingConfig config = config(output).epochs(2).loss(Loss.BCE_WITH_LOGITS).build();
        try (TrainingResult result = train(smallMlp("Even", 1, 0.0), config, data)) {
            List<String[]> rows = history(result.runDirectory(), BINARY_HEADER);
            assertEquals(2, rows.size());
            double auc = result.lastEpoch().testRocAuc();
            assertEquals(auc, Double.parseDouble(rows.get(1)[5]));
            assertEquals(auc, metrics(result.runDirectory()).get("test_roc_auc").getAsDouble());
            assertTrue(auc > 0.85 && auc <= 1, "test ROC AUC " + auc);
            assertTrue(result.lastEpoch().testAccuracy() > 0.75, "test accuracy " + result.lastEpoch().testAccuracy());
        }
    }

    @Test
    void residentMemoryStaysFlatFromEpochToEpoch(@TempDir Path output) throws Exception {
        // In a JVM of its own with a fixed, pre-touched heap: in this JVM the heap grows into fresh pages by
        // 1-3 MB an epoch (measured), which is the JVM's doing, not the trainer's, and as large as a leak.
        int epochs = 8;
        Path log = output.resolve("memory-run.log");
        Process run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch",
                        "-Dai.djl.pytorch.num_threads=" + LaminaEngine.threads(),
                        "-cp", System.getProperty("java.class.path"),
                        MemoryRun.class.getName(), output.toString(), Integer.toString(epochs))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            fail("the memory run did not finish in 120 s:\n" + Files.readString(log));
        }
        assertEquals(0, run.exitValue(), Files.readString(log));
        List<Double> rss = column(output.resolve("Memory/run_1"), 7).stream().map(Double::parseDouble).toList();
        assertEquals(epochs, rss.size());
        // The lower of the last two epochs: a leak grows every epoch, while the JIT's compiler threads take
        // native memory in one-off bursts (7-16 MB seen in single epochs) that are the JVM's, not the trainer's.
        double growth = (Math.min(rss.get(epochs - 2), rss.get(epochs - 1)) - rss.get(1)) / rss.get(1);
        System.out.printf("[memory] rss_mb by epoch %s: %+.2f%% from epoch 2 to %d%n", rss, 100 * growth, epochs);
        assertTrue(growth < 0.05, "resident memory grew by " + Math.round(100 * growth) + "% " + rss);
        // And exactly: every array of a step, an evaluation or the optimizer is gone; the network's manager
        // holds its 8 parameters and nothing else.
        assertTrue(Files.readString(log).contains("managed arrays 8\n"), Files.readString(log));
    }

    // --- helpers ---

    private static TrainingConfig.Builder config(Path output) {
        return TrainingConfig.builder()
                .epochs(3)
                .batchSize(32)
                .seed(7)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults())
                .device("cpu")
                .progressBar(false)
                .outputDirectory(output);
    }

    private static TrainingResult train(Architecture network, TrainingConfig config, TrainTestData data)
            throws IOException {
        TrainingJob job = new TrainingJob(network.name(), network, "summary of " + network.name() + "\n", config,
                Optional.empty());
        return Trainer.train(job, config, data);
    }

    /** The rows of history.csv after checking its header. */
    private static List<String[]> history(Path run, String header) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("history.csv"), StandardCharsets.UTF_8);
        assertEquals(header, lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static List<String> column(Path run, int index) throws IOException {
        return history(run, HEADER).stream().map(row -> row[index]).toList();
    }

    private static JsonObject metrics(Path run) throws IOException {
        return JsonParser.parseString(Files.readString(run.resolve("metrics.json"))).getAsJsonObject();
    }

    /** Every tensor of a safetensors file as a list, so files compare with equals. */
    private static Map<String, List<Float>> parameters(Path file) throws IOException {
        Map<String, List<Float>> values = new LinkedHashMap<>();
        SafeTensors.read(file).tensors().forEach((name, tensor) -> values.put(name, boxed(tensor.data())));
        return values;
    }

    private static Map<String, List<Float>> parameters(TrainingResult result) {
        Map<String, List<Float>> values = new LinkedHashMap<>();
        TrainingFixtures.snapshot(result.network()).forEach((name, data) -> values.put(name, boxed(data)));
        return values;
    }

    private static List<Float> boxed(float[] data) {
        List<Float> list = new ArrayList<>(data.length);
        for (float value : data) {
            list.add(value);
        }
        return list;
    }

    private static Dataset even(Dataset digits) {
        float[] labels = new float[digits.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digits.labels()[i] % 2 == 0 ? 1 : 0;
        }
        return Dataset.of(digits.source() + " (even digits)", digits.features(), digits.sampleShape(), labels);
    }

    private static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
