package dev.lamina.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.export.PyTorchExport;
import dev.lamina.runtime.report.ReportData;
import dev.lamina.runtime.report.RocCurve;
import dev.lamina.runtime.report.RunReport;
import dev.lamina.runtime.train.optim.Optimizer;
import dev.lamina.runtime.train.optim.Optimizers;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The training loop of the seed notebook, for any network: minibatches in train mode, loss, backward,
 * optimizer step; after each epoch an evaluation in eval mode, the notebook's line, and the run files.
 *
 * <p>Memory: the data sits on the device once; each step runs in its own {@link NDManager}, closed at
 * the end of the step, so resident memory stays flat from epoch to epoch. Reproducibility: PyTorch's
 * generator is reseeded from the seed at each epoch and the shuffle order comes from {@code Random(seed,
 * epoch)}, so a run, and a resumed run, repeat exactly on the same CPU.
 */
public final class Trainer {

    /**
     * Steps in a row whose gradients were not finite before the run stops: an occasional one is libtorch's
     * (stacked convolutions sporadically return NaN input gradients; the optimizer skips the step), a run
     * of them is a network that diverged.
     */
    static final int MAX_SKIPPED_IN_A_ROW = 10;

    private final TrainingJob job;
    private final TrainingConfig config;
    private final PrintStream out;
    private final TrainingListener listener;

    private Trainer(TrainingJob job, TrainingConfig config, PrintStream out, TrainingListener listener) {
        this.job = job;
        this.config = config;
        this.out = out;
        this.listener = listener;
    }

    /** Trains {@code job}'s network on {@code data} with {@code config}, reporting to standard output. */
    public static TrainingResult train(TrainingJob job, TrainingConfig config, TrainTestData data) throws IOException {
        return train(job, config, data, TrainingListener.NONE);
    }

    /** As {@link #train(TrainingJob, TrainingConfig, TrainTestData)}, telling {@code listener} about each epoch's loop. */
    public static TrainingResult train(TrainingJob job, TrainingConfig config, TrainTestData data,
            TrainingListener listener) throws IOException {
        return new Trainer(job, config, System.out, listener).run(data);
    }

    private TrainingResult run(TrainTestData data) throws IOException {
        Loss loss = config.loss();
        boolean binary = loss == Loss.BCE_WITH_LOGITS;
        config.validate(binary);
        applyThreads();
        Device device = Devices.resolve(config.device());
        RunDirectory runDirectory = RunDirectory.prepare(config.outputDirectory().resolve(job.networkName()));
        Dataset train = config.limit() > 0 ? data.train().limit(config.limit()) : data.train();
        Dataset test = data.test();

        LaminaNetwork network = LaminaNetwork.create(job.architecture(), device, config.seed());
        try {
            DataChecks.checkOutputs(network, loss);
            DataChecks.checkBatchStatistics(network, config.batchSize(), train);
            DataChecks.check(network, loss, train, "training");
            if (test != null) {
                DataChecks.check(network, loss, test, "test");
            }
            return fit(network, train, test, runDirectory);
        } catch (EngineException e) {
            network.close();
            throw new TrainingException("PyTorch failed while training " + job.networkName() + ": " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("allocate")
                            ? ". The network or batch does not fit in memory: lower the batch size or the layer widths"
                            : ""), e);
        } catch (IOException | RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    private void applyThreads() {
        if (config.threads() <= 0 || config.threads() == LaminaEngine.threads()) {
            return;
        }
        if (LaminaEngine.isStarted()) {
            out.println("[lamina] the PyTorch engine already runs with " + LaminaEngine.threads()
                    + " thread(s) in this JVM; " + config.threads() + " takes effect in a new JVM");
        } else {
            LaminaEngine.setThreads(config.threads());
        }
    }

    private TrainingResult fit(LaminaNetwork network, Dataset train, Dataset test, RunDirectory runDirectory)
            throws IOException {
        Loss loss = config.loss();
        Metric monitor = monitor(test != null);
        Engine engine = LaminaEngine.get();
        runDirectory.writeSummary(job.summary());

        try (DeviceData trainData = new DeviceData(network.manager(), train, loss);
                DeviceData testData = test == null ? null : new DeviceData(network.manager(), test, loss);
                ShuffledData shuffled = config.shuffle() ? new ShuffledData(trainData) : null;
                Optimizer optimizer = Optimizers.create(config.optimizer(), attachGradients(network))) {
            List<EpochResult> history = new ArrayList<>();
            RunDirectory.Progress progress = new RunDirectory.Progress(0, 0, Double.NaN, 0, 0);
            if (config.resume()) {
                progress = runDirectory.restoreCheckpoint(network, optimizer);
                // history.csv is written before the checkpoint: after a kill between the two it is one epoch
                // ahead, and that epoch will be trained again.
                int completed = progress.completedEpochs();
                HistoryCsv.read(runDirectory.file(RunDirectory.HISTORY), loss == Loss.BCE_WITH_LOGITS).stream()
                        .filter(row -> row.epoch() <= completed)
                        .forEach(history::add);
                if (progress.completedEpochs() >= config.epochs()) {
                    throw new TrainingException("nothing to resume: the run in " + runDirectory.path()
                            + " already completed " + progress.completedEpochs() + " of " + config.epochs()
                            + " epochs; ask for more epochs");
                }
                out.println("Resuming " + job.networkName() + " after epoch " + progress.completedEpochs());
            }
            printHeader(network, train, test);

            long started = System.nanoTime();
            boolean stoppedEarly = false;
            for (int epoch = progress.completedEpochs(); epoch < config.epochs(); epoch++) {
                EpochResult result = epoch(network, engine, optimizer, trainData, shuffled, testData, epoch);
                history.add(result);
                out.println(epochLine(result));
                progress = bookkeeping(network, optimizer, runDirectory, monitor, result, progress, history);
                if (config.earlyStopping().isPresent()
                        && progress.staleEpochs() >= config.earlyStopping().get().patience()) {
                    stoppedEarly = true;
                    out.println("Early stopping: " + monitor.metricName() + " has not improved for "
                            + progress.staleEpochs() + " epochs (best " + format(progress.bestValue())
                            + " at epoch " + progress.bestEpoch() + ")");
                    break;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Evaluation finalTest = null;
            if (stoppedEarly && config.earlyStopping().get().restoreBest()) {
                network.load(runDirectory.file(RunDirectory.BEST));
                finalTest = testData == null ? Evaluation.NONE : Evaluation.of(network, testData, loss);
                out.println("Restored the parameters of epoch " + progress.bestEpoch());
            }
            Map<String, Object> metrics = metrics(network, train, test, history, seconds, progress, stoppedEarly);
            if (finalTest != null && test != null) {
                // The network the run hands back is the restored one: report its numbers, not the last epoch's.
                metrics.put("test_loss", finalTest.loss());
                metrics.put("test_accuracy", finalTest.accuracy());
                if (loss == Loss.BCE_WITH_LOGITS) {
                    metrics.put("test_roc_auc", finalTest.rocAuc());
                }
            }
            runDirectory.writeMetrics(metrics);
            writeReportAndExport(network, testData, runDirectory, metrics, history, train, test);
            out.println("Run files: " + runDirectory.path().toAbsolutePath());
            out.println("Report: " + runDirectory.file(RunReport.HTML).toAbsolutePath());
            return new TrainingResult(network, List.copyOf(history), metrics, runDirectory.path(), stoppedEarly);
        }
    }

    private EpochResult epoch(LaminaNetwork network, Engine engine, Optimizer optimizer, DeviceData trainData,
            ShuffledData shuffled, DeviceData testData, int epoch) {
        long start = System.nanoTime();
        double learningRate = config.schedule().learningRate(config.optimizer().learningRate(), epoch, config.epochs());
        engine.setRandomSeed(config.seed() + epoch);
        int n = trainData.size();
        int batch = config.batchSize();
        int steps = (n + batch - 1) / batch;
        double lossSum = 0;
        int counted = 0;
        long skippedBefore = optimizer.skippedSteps();
        int skippedInARow = 0;
        listener.trainingLoopStarted(epoch + 1);
        try (TrainingProgress progressBar = TrainingProgress.start(config.progressBar(), epoch + 1,
                config.epochs(), steps)) {
            // One gather per epoch puts the samples in this epoch's order; each step then takes a slice
            // (a view, no copy) instead of gathering its rows.
            NDArray features = trainData.features();
            NDArray labels = trainData.labels();
            if (shuffled != null) {
                shuffled.shuffle(shuffledOrder(n, epoch));
                features = shuffled.features();
                labels = shuffled.labels();
            }
            for (int step = 0; step < steps; step++) {
                int from = step * batch;
                int to = Math.min(n, from + batch);
                // PyTorch cannot normalise a single sample with batch statistics: skip a last batch of one.
                if (to - from == 1 && network.hasBatchNorm() && n > 1) {
                    progressBar.step(lossSum / Math.max(1, counted));
                    continue;
                }
                long skipped = optimizer.skippedSteps();
                float value = step(network, optimizer, trainData.manager(), features, labels, from, to, learningRate);
                if (!Float.isFinite(value)) {
                    throw diverged(epoch, step, value, counted == 0 ? Double.NaN : lossSum / counted, learningRate);
                }
                skippedInARow = optimizer.skippedSteps() > skipped ? skippedInARow + 1 : 0;
                if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                    throw new TrainingException(String.format(Locale.ROOT, "the gradients were NaN or infinite in %d"
                            + " steps in a row (epoch %d, up to step %d), so the optimizer skipped them; the network"
                            + " has diverged. The parameters of the last completed epoch are in last.safetensors;"
                            + " try a lower learning rate than %s", skippedInARow, epoch + 1, step + 1, learningRate));
                }
                lossSum += value;
                counted++;
                progressBar.step(lossSum / counted);
            }
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        listener.trainingLoopFinished(epoch + 1);
        long skippedThisEpoch = optimizer.skippedSteps() - skippedBefore;
        if (skippedThisEpoch > 0) {
            out.printf(Locale.ROOT, "[lamina] epoch %d: skipped %d of %d steps whose gradients were NaN or infinite%n",
                    epoch + 1, skippedThisEpoch, steps);
        }
        Evaluation onTrain = Evaluation.of(network, trainData, config.loss());
        Evaluation onTest = testData == null ? Evaluation.NONE : Evaluation.of(network, testData, config.loss());
        return new EpochResult(epoch + 1, counted == 0 ? Double.NaN : lossSum / counted, onTrain.accuracy(), onTest.loss(),
                onTest.accuracy(), onTest.rocAuc(), learningRate, (System.nanoTime() - start) / 1e9,
                MemoryProbe.residentMegabytes(), trainSeconds);
    }

    /** One minibatch: forward in train mode, loss, backward, update. Returns the batch's loss. */
    private float step(LaminaNetwork network, Optimizer optimizer, NDManager dataManager, NDArray features,
            NDArray labels, int from, int to, double learningRate) {
        try (NDManager scope = dataManager.newSubManager()) {
            NDIndex rows = new NDIndex().addSliceDim(from, to);
            NDArray x = features.get(scope, rows);
            NDArray y = labels.get(scope, rows);
            NDArray lossValue;
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                lossValue = LossFunction.mean(config.loss(), network.forwardTrain(x), y);
                collector.backward(lossValue);
            }
            float value = lossValue.getFloat();
            if (Float.isFinite(value)) {
                optimizer.step(learningRate);
            }
            return value;
        }
    }

    private long[] shuffledOrder(int n, int epoch) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(((long) config.seed() << 32) ^ epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static Map<String, NDArray> attachGradients(LaminaNetwork network) {
        Map<String, NDArray> trainable = network.trainableArrays();
        trainable.values().forEach(array -> array.setRequiresGradient(true));
        return trainable;
    }

    private Metric monitor(boolean hasTest) {
        if (config.earlyStopping().isPresent()) {
            Metric chosen = Metric.byName(config.earlyStopping().get().monitor(), config.loss() == Loss.BCE_WITH_LOGITS);
            if (!hasTest && chosen.metricName().startsWith("test_")) {
                throw new TrainingException("early stopping monitors " + chosen.metricName()
                        + ", but there is no test data; monitor train_loss or give the trainer test data");
            }
            return chosen;
        }
        return hasTest ? Metric.TEST_LOSS : Metric.TRAIN_LOSS;
    }

    /** Writes last (and, if it improved, best) parameters, history and checkpoint; returns the new progress. */
    private RunDirectory.Progress bookkeeping(LaminaNetwork network, Optimizer optimizer, RunDirectory runDirectory,
            Metric monitor, EpochResult result, RunDirectory.Progress before, List<EpochResult> history)
            throws IOException {
        double value = monitor.of(result);
        double minDelta = config.earlyStopping().map(EarlyStoppingSettings::minDelta).orElse(0.0);
        boolean improved = Double.isNaN(before.bestValue())
                || (monitor.higherIsBetter() ? value > before.bestValue() + minDelta : value < before.bestValue() - minDelta);
        RunDirectory.Progress after = improved
                ? new RunDirectory.Progress(result.epoch(), optimizer.steps(), value, result.epoch(), 0)
                : new RunDirectory.Progress(result.epoch(), optimizer.steps(), before.bestValue(), before.bestEpoch(),
                        before.staleEpochs() + 1);
        if (improved) {
            runDirectory.writeParameters(RunDirectory.BEST, network);
        }
        runDirectory.writeParameters(RunDirectory.LAST, network);
        HistoryCsv.write(runDirectory.file(RunDirectory.HISTORY), history, config.loss() == Loss.BCE_WITH_LOGITS);
        runDirectory.writeCheckpoint(network, optimizer, after);
        return after;
    }

    /** report.html with its charts, and model.safetensors with model.py for PyTorch users. */
    private void writeReportAndExport(LaminaNetwork network, DeviceData testData, RunDirectory runDirectory,
            Map<String, Object> metrics, List<EpochResult> history, Dataset train, Dataset test) throws IOException {
        boolean binary = config.loss() == Loss.BCE_WITH_LOGITS;
        Optional<int[][]> confusion = testData == null || binary
                ? Optional.empty()
                : Optional.of(TestPredictions.confusionMatrix(network, testData));
        Optional<RocCurve> roc = testData == null || !binary
                ? Optional.empty()
                : Optional.of(TestPredictions.rocCurve(network, testData));
        RunReport.write(runDirectory.path(), new ReportData(job.networkName(), job.summary(),
                settings(network, train, test), metrics, history, confusion, roc));
        try {
            PyTorchExport.write(network, job.summary(), runDirectory.path());
        } catch (IllegalArgumentException unsupported) {
            // The run itself succeeded; a layer the PyTorch export cannot express yet only costs the export.
            out.println("[lamina] no PyTorch export: " + unsupported.getMessage());
        }
    }

    private Map<String, String> settings(LaminaNetwork network, Dataset train, Dataset test) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Epochs", Integer.toString(config.epochs()));
        settings.put("Batch size", Integer.toString(config.batchSize()));
        settings.put("Optimizer", config.optimizer().toString());
        settings.put("Loss", config.loss() == Loss.CROSS_ENTROPY ? "cross-entropy" : "BCE-with-logits");
        settings.put("Learning-rate schedule", config.schedule().toString());
        settings.put("Early stopping", config.earlyStopping()
                .map(e -> e.monitor() + ", patience " + e.patience() + ", min delta " + e.minDelta()
                        + (e.restoreBest() ? ", restores best" : ""))
                .orElse("off"));
        settings.put("Shuffle", Boolean.toString(config.shuffle()));
        settings.put("Seed", Integer.toString(config.seed()));
        settings.put("Device", Devices.describe(network.device()));
        settings.put("Threads", Integer.toString(LaminaEngine.threads()));
        settings.put("Training data", train.source() + " (" + String.format(Locale.ROOT, "%,d", train.size())
                + " samples" + (config.limit() > 0 ? ", limited to the first " + config.limit() : "") + ")");
        if (test != null) {
            settings.put("Test data", test.source() + " (" + String.format(Locale.ROOT, "%,d", test.size()) + " samples)");
        }
        return settings;
    }

    private TrainingException diverged(int epoch, int step, float value, double lastGood, double learningRate) {
        return new TrainingException(String.format(Locale.ROOT,
                "the loss became %s in epoch %d, step %d (mean loss of the epoch so far: %s). Training stopped;"
                        + " the parameters of the last completed epoch are in last.safetensors and"
                        + " checkpoint.safetensors. Try a lower learning rate than %s, for example %s",
                value, epoch + 1, step + 1, Double.isNaN(lastGood) ? "none yet" : format(lastGood),
                learningRate, learningRate / 10));
    }

    private void printHeader(LaminaNetwork network, Dataset train, Dataset test) {
        out.print(job.summary());
        out.printf(Locale.ROOT, "Training %s on %s (%d thread%s): %,d training samples%s, batch %d, %d epochs, %s,"
                        + " %s%s%n",
                job.networkName(), Devices.describe(network.device()), LaminaEngine.threads(), LaminaEngine.threads() == 1 ? "" : "s",
                train.size(), test == null ? "" : String.format(Locale.ROOT, ", %,d test samples", test.size()),
                config.batchSize(), config.epochs(), config.optimizer(),
                config.loss() == Loss.CROSS_ENTROPY ? "cross-entropy" : "BCE-with-logits",
                config.schedule() == Schedule.CONSTANT ? "" : ", " + config.schedule());
    }

    /** The notebook's line: mean minibatch loss and accuracy, plus the test metrics, Keras-style. */
    static String epochLine(EpochResult e) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d - train_loss: %.4f - train_accuracy: %.4f",
                e.epoch(), e.trainLoss(), e.trainAccuracy()));
        if (!Double.isNaN(e.testLoss())) {
            line.append(String.format(Locale.ROOT, " - test_loss: %.4f - test_accuracy: %.4f", e.testLoss(), e.testAccuracy()));
        }
        if (!Double.isNaN(e.testRocAuc())) {
            line.append(String.format(Locale.ROOT, " - test_roc_auc: %.4f", e.testRocAuc()));
        }
        return line.append(String.format(Locale.ROOT, " - %.1fs", e.seconds())).toString();
    }

    private Map<String, Object> metrics(LaminaNetwork network, Dataset train, Dataset test, List<EpochResult> history,
            double seconds, RunDirectory.Progress progress, boolean stoppedEarly) {
        EpochResult last = history.get(history.size() - 1);
        int epochsRun = history.size();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("network", job.networkName());
        metrics.put("epochs", last.epoch());
        metrics.put("batch_size", config.batchSize());
        metrics.put("train_samples", train.size());
        metrics.put("test_samples", test == null ? 0 : test.size());
        metrics.put("train_seconds", round(seconds));
        metrics.put("samples_per_second", round(history.stream().mapToDouble(EpochResult::seconds).sum() == 0 ? 0
                : (double) train.size() * epochsRun / history.stream().mapToDouble(EpochResult::seconds).sum()));
        metrics.put("final_train_loss", last.trainLoss());
        metrics.put("final_train_accuracy", last.trainAccuracy());
        if (test != null) {
            metrics.put("test_loss", last.testLoss());
            metrics.put("test_accuracy", last.testAccuracy());
        }
        if (config.loss() == Loss.BCE_WITH_LOGITS && test != null) {
            metrics.put("test_roc_auc", last.testRocAuc());
        }
        metrics.put("best_epoch", progress.bestEpoch());
        metrics.put("stopped_early", stoppedEarly);
        metrics.put("peak_rss_mb", round(MemoryProbe.peakResidentMegabytes()));
        metrics.put("device", Devices.describe(network.device()));
        metrics.put("threads", LaminaEngine.threads());
        metrics.put("seed", config.seed());
        metrics.put("optimizer", config.optimizer().toString());
        metrics.put("loss", config.loss().name());
        return metrics;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
