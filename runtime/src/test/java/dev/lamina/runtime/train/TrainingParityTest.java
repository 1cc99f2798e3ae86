package dev.lamina.runtime.train;

import static dev.lamina.runtime.train.TrainingFixtures.assertAllClose;
import static dev.lamina.runtime.train.TrainingFixtures.maxAbsDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.train.optim.Optimizer;
import dev.lamina.runtime.train.optim.Optimizers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training gives PyTorch's numbers (fixtures from src/test/python/make_training_fixtures.py, torch 1.13):
 * the optimizers step by step, the trainer epoch by epoch (schedule, evaluation, metrics), the losses
 * and their gradients, and the learning-rate schedules.
 *
 * <p>Data: the first 64 MNIST test images (pixels / 255), two minibatches of 32 in file order, three epochs:
 * six optimizer steps. The networks have no Dropout, so both sides are deterministic.
 *
 * <p>Tolerances. Both sides compute in float32 but with different kernels (libtorch 2.7.1 here, 1.13 in the
 * fixture), so sums are rounded in another order: about 1e-7 relative per operation, which six steps
 * through BatchNorm grow to a few 1e-7 absolute in the weights (measured: printed by the tests). SGD is
 * compared at 1e-5 absolute. Adam divides each gradient by its own running RMS, so where a gradient is
 * tiny its relative rounding error reaches the weights undamped: Adam is compared at 3e-5 absolute
 * (measured up to 5e-6). A mistake in an update rule moves the weights far more in six steps (measured in
 * torch on these cases: AdamW's decoupled decay instead of Adam's L2 0.08, Adam eps 1e-6 instead of 1e-8
 * 0.003, Nesterov instead of plain momentum 0.18, momentum with dampening 0.9 0.18).
 *
 * <p>The Adam cases use Linear - ReLU - BatchNorm. After Linear - BatchNorm the Linear's bias has a true
 * gradient of exactly zero (BatchNorm subtracts the batch mean), so its computed gradient is pure rounding
 * noise, which Adam scales up to about lr per step in a direction no two implementations share, and the
 * running mean follows it: no implementation can match another there, so that layout is left to SGD.
 */
class TrainingParityTest {

    private static final int TRAIN = 64;
    private static final int BATCH = 32;
    private static final int EPOCHS = 3;
    private static final double SGD_TOLERANCE = 1e-5;
    private static final double ADAM_TOLERANCE = 3e-5;

    private static Map<String, SafeTensors.Tensor> fixture;

    @BeforeAll
    static void readFixture() throws IOException {
        fixture = SafeTensors.read(TrainingFixtures.resource("parity/fixture.safetensors")).tensors();
        assertEquals(List.of(128L, 784L), Arrays.stream(fixture.get("input").shape()).boxed().toList());
    }

    static Stream<Arguments> optimizerCases() {
        return Stream.of(
                Arguments.of("sgd", 10, new OptimizerSettings.Sgd(0.1, 0, false, 0), SGD_TOLERANCE),
                Arguments.of("sgd-momentum-wd", 10, new OptimizerSettings.Sgd(0.1, 0.9, false, 1e-3), SGD_TOLERANCE),
                Arguments.of("sgd-nesterov", 10, new OptimizerSettings.Sgd(0.1, 0.9, true, 0), SGD_TOLERANCE),
                Arguments.of("adam", 10, new OptimizerSettings.Adam(1e-2, 0.9, 0.999, 1e-8, 0), ADAM_TOLERANCE),
                Arguments.of("adam-wd", 10, new OptimizerSettings.Adam(1e-2, 0.9, 0.999, 1e-8, 1e-2), ADAM_TOLERANCE),
                Arguments.of("bce-sgd-momentum", 1, new OptimizerSettings.Sgd(0.1, 0.9, false, 0), SGD_TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerCases")
    void optimizerStepsMatchPyTorch(String name, int outputs, OptimizerSettings settings, double tolerance)
            throws IOException {
        Loss loss = outputs == 1 ? Loss.BCE_WITH_LOGITS : Loss.CROSS_ENTROPY;
        Architecture architecture = TrainingFixtures.parityNetwork(outputs, reluFirst(settings));
        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 1)) {
            network.load(initialWeights(outputs));
            Map<String, float[]> initial = TrainingFixtures.snapshot(network);
            Map<String, NDArray> trainable = network.trainableArrays();
            trainable.values().forEach(array -> array.setRequiresGradient(true));
            float[] losses = new float[EPOCHS * TRAIN / BATCH];
            try (NDManager data = network.manager().newSubManager();
                    Optimizer optimizer = Optimizers.create(settings, trainable)) {
                NDArray x = data.create(rows(fixture.get("input").data(), 0, TRAIN, 784), new Shape(TRAIN, 784));
                NDArray y = LossFunction.prepareLabels(loss,
                        data.create(Arrays.copyOf(labels(outputs), TRAIN)));
                int step = 0;
                for (int epoch = 0; epoch < EPOCHS; epoch++) {
                    for (int from = 0; from < TRAIN; from += BATCH) {
                        // As Trainer.step does it: a scope per step, forward in train mode, backward, update.
                        try (NDManager scope = data.newSubManager()) {
                            NDIndex batch = new NDIndex(from + ":" + (from + BATCH));
                            NDArray lossValue;
                            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                                lossValue = LossFunction.mean(loss, network.forwardTrain(x.get(scope, batch)),
                                        y.get(scope, batch));
                                collector.backward(lossValue);
                            }
                            losses[step++] = lossValue.getFloat();
                            optimizer.step(settings.learningRate());
                        }
                    }
                }
                assertEquals(EPOCHS * TRAIN / BATCH, optimizer.steps());
            }

            double lossDifference = assertAllClose(fixture.get(name + "/losses").data(), losses, tolerance,
                    name + " losses");
            double worst = 0;
            double moved = 0;
            for (String parameter : network.parameterNames()) {
                float[] actual = network.parameter(parameter).toFloatArray();
                float[] expected = fixture.get(name + "/" + parameter).data();
                worst = Math.max(worst, assertAllClose(expected, actual, tolerance, name + " " + parameter));
                moved = Math.max(moved, maxAbsDifference(initial.get(parameter), expected));
            }
            System.out.printf("[parity] %-17s max |loss diff| %.2e, max |weight diff| %.2e (moved up to %.3f)%n",
                    name, lossDifference, worst, moved);
            // The comparison can tell a right update from none at all.
            assertTrue(moved > 1000 * tolerance, name + ": the weights hardly moved in PyTorch");
        }
    }

    static Stream<Arguments> trainerCases() {
        return Stream.of(
                Arguments.of("trainer-sgd-steplr", 10, new OptimizerSettings.Sgd(0.1, 0.9, false, 1e-3),
                        new Schedule.Step(1, 0.5), SGD_TOLERANCE),
                Arguments.of("trainer-adam-cosine", 10, new OptimizerSettings.Adam(1e-2, 0.9, 0.999, 1e-8, 0),
                        new Schedule.Cosine(0, 1e-3), ADAM_TOLERANCE),
                Arguments.of("trainer-bce-adam", 1, new OptimizerSettings.Adam(1e-2, 0.9, 0.999, 1e-8, 0),
                        Schedule.CONSTANT, ADAM_TOLERANCE));
    }

    /**
     * Trainer.train end to end. The trainer builds its network from a seed, so there is no way to hand it
     * PyTorch's start weights except the one a resumed run uses: a checkpoint after 0 epochs, written here
     * by {@link RunDirectory} itself (start weights, fresh optimizer state), with an empty history.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trainerCases")
    void trainerEpochsMatchPyTorch(String name, int outputs, OptimizerSettings settings, Schedule schedule,
            double tolerance, @TempDir Path output) throws IOException {
        Architecture architecture = TrainingFixtures.parityNetwork(outputs, reluFirst(settings));
        Loss loss = outputs == 1 ? Loss.BCE_WITH_LOGITS : Loss.CROSS_ENTROPY;
        try (RunDirectory run = RunDirectory.prepare(output.resolve(architecture.name()), architecture.name(), false);
                LaminaNetwork start = LaminaNetwork.create(architecture, Device.cpu(), 1);
                Optimizer fresh = Optimizers.create(settings, start.trainableArrays())) {
            start.load(initialWeights(outputs));
            run.writeCheckpoint(start, fresh, new RunDirectory.Checkpoint(0, 0, Map.of()));
            HistoryCsv.write(run.file(RunDirectory.HISTORY), List.of(), List.of());
        }

        float[] pixels = fixture.get("input").data();
        float[] labels = labels(outputs);
        TrainTestData data = new TrainTestData(
                Dataset.of("parity rows 1-64", rows(pixels, 0, TRAIN, 784), new long[] {784},
                        Arrays.copyOfRange(labels, 0, TRAIN)),
                Dataset.of("parity rows 65-128", rows(pixels, TRAIN, 2 * TRAIN, 784), new long[] {784},
                        Arrays.copyOfRange(labels, TRAIN, 2 * TRAIN)));
        TrainingConfig config = TrainingConfig.builder()
                .epochs(EPOCHS).batchSize(BATCH).shuffle(false).seed(1).loss(loss).optimizer(settings)
                .schedule(schedule).device("cpu").progressBar(false).outputDirectory(output).resume(true)
                .build();
        TrainingJob job = new TrainingJob(architecture.name(), architecture, "", config, Optional.empty());

        try (TrainingResult result = Trainer.train(job, config, data)) {
            List<EpochResult> history = result.history();
            assertEquals(EPOCHS, history.size());
            double[] trainLoss = history.stream().mapToDouble(EpochResult::trainLoss).toArray();
            assertAllClose(fixture.get(name + "/train_loss").data(), toFloats(trainLoss), tolerance,
                    name + " train_loss");
            assertAllClose(fixture.get(name + "/test_loss").data(),
                    toFloats(history.stream().mapToDouble(EpochResult::testLoss).toArray()), tolerance,
                    name + " test_loss");
            // Accuracies are counts of 64: any disagreement in a prediction shows as 1/64.
            assertAllClose(fixture.get(name + "/train_accuracy").data(),
                    toFloats(history.stream().mapToDouble(EpochResult::trainAccuracy).toArray()), 1e-6,
                    name + " train_accuracy");
            assertAllClose(fixture.get(name + "/test_accuracy").data(),
                    toFloats(history.stream().mapToDouble(EpochResult::testAccuracy).toArray()), 1e-6,
                    name + " test_accuracy");
            assertAllClose(fixture.get(name + "/learning_rate").data(),
                    toFloats(history.stream().mapToDouble(EpochResult::learningRate).toArray()), 1e-9,
                    name + " learning_rate");
            if (outputs == 1) {
                assertAllClose(fixture.get(name + "/test_roc_auc").data(),
                        toFloats(history.stream().mapToDouble(EpochResult::testRocAuc).toArray()), 1e-6,
                        name + " test_roc_auc");
                assertEquals(history.get(EPOCHS - 1).testRocAuc(),
                        result.metrics().test().orElseThrow().rocAuc().orElseThrow());
            } else {
                assertTrue(history.stream().allMatch(e -> Double.isNaN(e.testRocAuc())));
            }
            double worst = 0;
            for (String parameter : result.network().parameterNames()) {
                worst = Math.max(worst, assertAllClose(fixture.get(name + "/" + parameter).data(),
                        result.network().parameter(parameter).toFloatArray(), tolerance, name + " " + parameter));
            }
            System.out.printf("[parity] %-19s train_loss %s, max |weight diff| %.2e%n", name,
                    Arrays.toString(trainLoss), worst);
            assertEquals(EPOCHS * TRAIN / BATCH, Long.parseLong(SafeTensors.read(result.runDirectory().resolve(RunDirectory.CHECKPOINT))
                    .metadata().get("optimizer_steps")));
        }
    }

    @Test
    void crossEntropyMatchesPyTorchIncludingHugeLogits() {
        checkLoss("ce", Loss.CROSS_ENTROPY);
    }

    @Test
    void bceWithLogitsMatchesPyTorchIncludingHugeLogits() {
        checkLoss("bce", Loss.BCE_WITH_LOGITS);
        // A confidently wrong logit of -1000 costs 1000, not infinity; a confidently right one costs 0.
        float[] elementwise = fixture.get("bce/elementwise").data();
        assertEquals(1000f, elementwise[1], 1e-3);
        assertEquals(0f, elementwise[0]);
    }

    private void checkLoss(String name, Loss loss) {
        SafeTensors.Tensor logits = fixture.get(name + "/logits");
        float[] labels = fixture.get(name + "/labels").data();
        int rows = (int) logits.shape()[0];
        int columns = (int) logits.shape()[1];
        try (NDManager scope = LaminaEngine.get().newBaseManager(Device.cpu())) {
            NDArray x = scope.create(logits.data(), new Shape(logits.shape()));
            x.setRequiresGradient(true);
            NDArray y = LossFunction.prepareLabels(loss, scope.create(labels));
            NDArray mean;
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                mean = LossFunction.mean(loss, x, y);
                collector.backward(mean);
            }
            float expectedMean = fixture.get(name + "/loss").data()[0];
            float actualMean = mean.getFloat();
            assertTrue(Float.isFinite(actualMean), name + " mean loss is " + actualMean);
            assertEquals(expectedMean, actualMean, 1e-6 * Math.max(1, Math.abs(expectedMean)), name + " mean loss");
            float[] gradient = x.getGradient().toFloatArray();
            assertAllClose(fixture.get(name + "/gradient").data(), gradient, 1e-6, name + " gradient");

            // Each sample alone: the loss of a batch of one is that sample's loss.
            float[] expected = fixture.get(name + "/elementwise").data();
            for (int i = 0; i < rows; i++) {
                NDArray one = scope.create(Arrays.copyOfRange(logits.data(), i * columns, (i + 1) * columns),
                        new Shape(1, columns));
                NDArray label = LossFunction.prepareLabels(loss, scope.create(new float[] {labels[i]}));
                float actual = LossFunction.mean(loss, one, label).getFloat();
                assertEquals(expected[i], actual, 1e-6 * Math.max(1, Math.abs(expected[i])),
                        name + " loss of sample " + i + " (logits " + Arrays.toString(one.toFloatArray()) + ")");
            }
        }
    }

    @Test
    void scheduleLearningRatesMatchPyTorchSchedulers() throws IOException {
        JsonObject schedules = JsonParser.parseString(Files.readString(
                TrainingFixtures.resource("parity/schedules.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        double initial = schedules.get("initial_lr").getAsDouble();
        Map<String, Schedule> lamina = Map.of(
                "StepLR(step_size=3, gamma=0.5)", new Schedule.Step(3, 0.5),
                "StepLR(step_size=1, gamma=0.9)", new Schedule.Step(1, 0.9),
                "CosineAnnealingLR(T_max=10, eta_min=0.0001)", new Schedule.Cosine(0, 1e-4),
                "CosineAnnealingLR(T_max=4, eta_min=0.0)", new Schedule.Cosine(4, 0.0));
        for (Map.Entry<String, Schedule> entry : lamina.entrySet()) {
            JsonArray expected = schedules.getAsJsonArray(entry.getKey());
            int epochs = expected.size();
            // Cosine(0, ...) anneals over the whole run; the fixture's T_max=10 run has 10 epochs.
            for (int epoch = 0; epoch < epochs; epoch++) {
                double want = expected.get(epoch).getAsDouble();
                double got = entry.getValue().learningRate(initial, epoch, epochs);
                // torch steps its schedulers recursively, Lamina uses the closed form: equal up to rounding.
                assertEquals(want, got, 1e-12 + 1e-12 * want, entry.getKey() + " epoch " + epoch);
            }
        }
        // Past T_max PyTorch's cosine goes back up; the fixture covers that (epoch 8 of T_max=4 is lr again).
        assertEquals(initial, lamina.get("CosineAnnealingLR(T_max=4, eta_min=0.0)").learningRate(initial, 8, 10),
                1e-15);
        assertFalse(schedules.getAsJsonArray("StepLR(step_size=3, gamma=0.5)").get(3).getAsDouble() == initial);
    }

    /** The layout the fixture used: ReLU before BatchNorm for Adam (see the class comment). */
    private static boolean reluFirst(OptimizerSettings settings) {
        return settings instanceof OptimizerSettings.Adam;
    }

    private static Path initialWeights(int outputs) {
        return TrainingFixtures.resource(outputs == 1 ? "parity/initial-binary.safetensors"
                : "parity/initial-multi.safetensors");
    }

    private static float[] labels(int outputs) {
        return fixture.get(outputs == 1 ? "even" : "digits").data();
    }

    private static float[] rows(float[] values, int from, int to, int width) {
        return Arrays.copyOfRange(values, from * width, to * width);
    }

    private static float[] toFloats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
