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
import dev.lamina.runtime.OneDnnConvolutions;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.optim.Optimizer;
import dev.lamina.runtime.train.optim.Optimizers;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The training loop of the seed notebook, for any network: minibatches in train mode, loss, backward,
 * optimizer step; after each epoch an evaluation in eval mode. Everything around the loop is a {@link
 * TrainingCallback}: the console output, best and last parameters, history.csv, early stopping, the
 * checkpoint, metrics.json, the PyTorch export and the report, then the user's callbacks in between.
 *
 * <p>Memory: the data sits on the device once; each step runs in its own {@link NDManager}, closed at
 * the end of the step, so resident memory stays flat from epoch to epoch. Reproducibility: PyTorch's
 * generator is reseeded from the seed at each epoch and the shuffle order comes from {@code Random(seed,
 * epoch)}, so a run, and a resumed run, repeat exactly on the same CPU.
 */
public final class Trainer {

    /**
     * Steps in a row whose gradients were not finite before the run stops. The optimizers skip such a step
     * (as PyTorch's GradScaler does) and the run warns about it: a safety net, kept because libtorch's oneDNN
     * convolutions gave sporadic NaN gradients (switched off, see OneDnnConvolutions) and a native library can
     * do so again; a run of them is a network that diverged.
     */
    static final int MAX_SKIPPED_IN_A_ROW = 10;

    private final TrainingJob job;
    private final TrainingConfig config;
    private final PrintStream out;

    private Trainer(TrainingJob job, TrainingConfig config) {
        this.job = job;
        this.config = config;
        this.out = config.out();
    }

    /**
     * Trains {@code job}'s network on {@code data} with {@code config}, printing to {@link
     * TrainingConfig#out()} and telling {@link TrainingConfig#callbacks()} about the run.
     */
    public static TrainingResult train(TrainingJob job, TrainingConfig config, TrainTestData data) throws IOException {
        return new Trainer(job, config).run(data);
    }

    private TrainingResult run(TrainTestData data) throws IOException {
        config.validate();
        applyThreads();
        Device device = Devices.resolve(config.device());
        RunSets sets = RunSets.of(data, config.split(), config.seed());
        Dataset train = config.limit() > 0 ? sets.train().limit(config.limit()) : sets.train();
        try (RunDirectory runDirectory = config.runFolder().isPresent()
                ? RunDirectory.prepareAt(config.runFolder().get())
                : RunDirectory.prepare(config.outputDirectory().resolve(job.networkName()), job.networkName(),
                        config.resume())) {
            return run(data, new RunSets(train, sets.validation(), sets.test()), device, runDirectory);
        }
    }

    private TrainingResult run(TrainTestData data, RunSets sets, Device device, RunDirectory runDirectory)
            throws IOException {
        Loss loss = config.loss();
        LaminaNetwork network = LaminaNetwork.create(job.architecture(), device, config.seed());
        try {
            DataChecks.checkOutputs(network, loss, config.tasks(), sets.train());
            DataChecks.checkBatchStatistics(network, config.batchSize(), sets.train());
            DataChecks.check(network, loss, config.tasks(), sets.train(), "training");
            sets.validation().ifPresent(validation -> DataChecks.check(network, loss, config.tasks(), validation,
                    "validation"));
            sets.test().ifPresent(test -> DataChecks.check(network, loss, config.tasks(), test, "test"));
            return fit(network, sets, runDirectory, data.preprocessing());
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

    private TrainingResult fit(LaminaNetwork network, RunSets sets, RunDirectory runDirectory,
            Optional<Preprocessing<?>> preprocessing) throws IOException {
        Loss loss = config.loss();
        TaskKind kind = LossFunction.taskKind(loss);
        boolean validation = sets.validation().isPresent();
        // Without a validation set the test set is evaluated every epoch, as the course notebook does; nothing
        // is chosen on it then.
        boolean testEveryEpoch = sets.test().isPresent()
                && (!validation || config.split().map(SplitSettings::testEveryEpoch).orElse(false));
        List<TrainingMetric> metrics = TrainingMetric.producedFor(kind, validation, testEveryEpoch);
        TrainingMetric monitor = monitor(kind, validation);
        Engine engine = LaminaEngine.get();
        runDirectory.writeSummary(job.summary());
        Dataset train = sets.train();
        Dataset validationSet = sets.validation().orElse(null);
        Dataset test = sets.test().orElse(null);

        try (DeviceData trainData = new DeviceData(network.manager(), train, loss);
                DeviceData validationData = validationSet == null ? null
                        : new DeviceData(network.manager(), validationSet, loss);
                DeviceData testData = test == null ? null : new DeviceData(network.manager(), test, loss);
                ShuffledData shuffled = config.shuffle() ? new ShuffledData(trainData) : null;
                Optimizer optimizer = Optimizers.create(config.optimizer(), attachGradients(network))) {
            List<EpochResult> history = new ArrayList<>();
            Optional<RunDirectory.Checkpoint> checkpoint = Optional.empty();
            if (config.resume()) {
                checkpoint = Optional.of(runDirectory.restoreCheckpoint(network, optimizer));
                int completed = checkpoint.get().completedEpochs();
                history.addAll(HistoryFile.earlierEpochs(runDirectory, completed, kind));
                if (completed >= config.epochs()) {
                    throw new TrainingException("nothing to resume: the run in " + runDirectory.path()
                            + " already trained " + Plural.of(completed, "epoch") + ", and " + config.epochs()
                            + " were asked for; ask for more epochs");
                }
            }

            // Early stopping and best.safetensors judge epochs the same way, each with its own state.
            double minDelta = config.earlyStopping().map(EarlyStoppingSettings::minDelta).orElse(0.0);
            ConsoleOutput console = new ConsoleOutput();
            ParameterFiles parameterFiles = new ParameterFiles(runDirectory, new MonitoredMetric(monitor, minDelta));
            Optional<EarlyStopping> earlyStopping = config.earlyStopping()
                    .map(settings -> new EarlyStopping(settings, monitor, runDirectory));
            List<TrainingCallback> callbacks = callbacks(console, parameterFiles, earlyStopping, runDirectory,
                    optimizer, history, ModelFileWriter.of(preprocessing, network.architecture().spec().input().size()));

            if (checkpoint.isPresent()) {
                for (TrainingCallback callback : callbacks) {
                    Map<String, String> state = checkpoint.get().stateOf(callback.stateKey());
                    if (!state.isEmpty()) {
                        callback.restoreState(state);
                    }
                }
                out.println("Resuming " + job.networkName() + " after epoch " + checkpoint.get().completedEpochs());
            }
            TrainingContext context = new TrainingContext(job, config, network, train, validationSet, test,
                    validationData, testData, metrics, runDirectory.path());
            for (TrainingCallback callback : callbacks) {
                callback.onTrainBegin(context);
            }

            long started = System.nanoTime();
            int firstEpoch = checkpoint.map(RunDirectory.Checkpoint::completedEpochs).orElse(0);
            try {
                for (int epoch = firstEpoch; epoch < config.epochs() && !context.stopRequested(); epoch++) {
                    EpochResult result = epoch(network, engine, optimizer, trainData, shuffled,
                            testEveryEpoch ? testData : null, epoch, context, callbacks);
                    history.add(result);
                    for (TrainingCallback callback : callbacks) {
                        callback.onEpochEnd(result);
                    }
                }
            } finally {
                console.close();
            }
            context.stopReason().ifPresent(out::println);
            double seconds = (System.nanoTime() - started) / 1e9;
            TrainingOutcome outcome = new TrainingOutcome(history, context.stopRequested(),
                    () -> FinalMetrics.of(context, history, seconds, parameterFiles.bestEpoch(), monitor,
                            context.stopRequested(), earlyStopping.map(EarlyStopping::restoresBest).orElse(false),
                            runDirectory));
            for (TrainingCallback callback : callbacks) {
                callback.onTrainEnd(outcome);
            }
            return new TrainingResult(network, outcome.history(), outcome.metrics(), runDirectory.path(),
                    outcome.stoppedEarly());
        }
    }

    /**
     * Every callback of the run in the order each is told (see {@link TrainingCallback}): the trainer's own
     * first, then the user's; the checkpoint saves every state after all of them took in the epoch, and the
     * report, which links the files written at the end, comes last.
     */
    private List<TrainingCallback> callbacks(ConsoleOutput console, ParameterFiles parameterFiles,
            Optional<EarlyStopping> earlyStopping, RunDirectory runDirectory, Optimizer optimizer,
            List<EpochResult> earlierEpochs, Preprocessing<?> preprocessing) {
        List<TrainingCallback> callbacks = new ArrayList<>();
        callbacks.add(console);
        callbacks.add(parameterFiles);
        callbacks.add(new HistoryFile(runDirectory, earlierEpochs));
        earlyStopping.ifPresent(callbacks::add);
        callbacks.addAll(config.callbacks());
        config.callbackClasses().forEach(type -> callbacks.add(CallbackClasses.instantiate(type)));
        callbacks.add(new CheckpointFile(runDirectory, optimizer, callbacks));
        callbacks.add(new MetricsFile(runDirectory));
        callbacks.add(new ModelFileWriter(runDirectory, preprocessing));
        callbacks.add(new PyTorchExportFile(preprocessing));
        callbacks.add(new ReportFile());
        return callbacks;
    }

    private EpochResult epoch(LaminaNetwork network, Engine engine, Optimizer optimizer, DeviceData trainData,
            ShuffledData shuffled, DeviceData testData, int epoch, TrainingContext context,
            List<TrainingCallback> callbacks) {
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
        context.runningLoss(Double.NaN);
        for (TrainingCallback callback : callbacks) {
            callback.onEpochBegin(epoch + 1);
        }
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
                stepEnded(callbacks, step);
                continue;
            }
            long skipped = optimizer.skippedSteps();
            float value = step(network, optimizer, trainData.manager(), features, labels, trainData.missingLabels(),
                    from, to, learningRate);
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
            context.runningLoss(lossSum / counted);
            stepEnded(callbacks, step);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        for (TrainingCallback callback : callbacks) {
            callback.onTrainingLoopEnd(epoch + 1);
        }
        long skippedThisEpoch = optimizer.skippedSteps() - skippedBefore;
        if (skippedThisEpoch > 0) {
            out.printf(Locale.ROOT, "[lamina] WARNING: epoch %d: the optimizer skipped %d of %d steps because their"
                    + " gradients were NaN or infinite (the loss was finite). This should not happen: with"
                    + " -Dlamina.onednn=enabled it is libtorch's oneDNN convolution bug; otherwise please report it%n",
                    epoch + 1, skippedThisEpoch, steps);
        }
        Map<TrainingMetric, Double> values = measure(network, context, trainData, testData,
                counted == 0 ? Double.NaN : lossSum / counted);
        return new EpochResult(epoch + 1, values, learningRate, (System.nanoTime() - start) / 1e9,
                MemoryProbe.residentMegabytes(), trainSeconds, skippedThisEpoch);
    }

    /**
     * The epoch's metrics, in the context's order: the minibatch loss, then each set evaluated in eval mode. The
     * training set gets loss and accuracy only (see {@link dev.lamina.spec.contract.Measure#onTrainingSet}).
     *
     * @param testData the test set on the device when it is evaluated every epoch, else null
     */
    private Map<TrainingMetric, Double> measure(LaminaNetwork network, TrainingContext context, DeviceData trainData,
            DeviceData testData, double minibatchLoss) {
        Map<DataSplit, Evaluation> evaluations = new EnumMap<>(DataSplit.class);
        Map<TrainingMetric, Double> values = new LinkedHashMap<>();
        for (TrainingMetric metric : context.metrics()) {
            if (metric.equals(TrainingMetric.TRAIN_LOSS)) {
                values.put(metric, minibatchLoss);
                continue;
            }
            Evaluation evaluation = evaluations.computeIfAbsent(metric.split(), split -> switch (split) {
                case TRAIN -> Evaluation.of(network, trainData, config.loss(), false);
                case VALIDATION -> Evaluation.of(network, context.deviceValidationData().orElseThrow(), config.loss(),
                        true);
                case TEST -> Evaluation.of(network, testData, config.loss(), true);
            });
            values.put(metric, evaluation.value(metric.measure()));
        }
        return values;
    }

    /** An index loop without an iterator: nothing is allocated per step. */
    private static void stepEnded(List<TrainingCallback> callbacks, int step) {
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onStepEnd(step + 1);
        }
    }

    /** One minibatch: forward in train mode, loss, backward, update. Returns the batch's loss. */
    private float step(LaminaNetwork network, Optimizer optimizer, NDManager dataManager, NDArray features,
            NDArray labels, boolean missingLabels, int from, int to, double learningRate) {
        try (NDManager scope = dataManager.newSubManager()) {
            NDIndex rows = new NDIndex().addSliceDim(from, to);
            NDArray x = features.get(scope, rows);
            NDArray y = labels.get(scope, rows);
            NDArray lossValue;
            try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                lossValue = LossFunction.mean(config.loss(), network.forwardTrain(x), y, missingLabels);
                OneDnnConvolutions.backward(collector, lossValue);
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

    /**
     * What decides the best epoch (and early stopping): the declared monitor, else the validation loss, else the
     * training loss. Never a test metric: the test set only scores the chosen parameters.
     */
    private TrainingMetric monitor(TaskKind kind, boolean validation) {
        if (config.earlyStopping().isPresent()) {
            TrainingMetric chosen = config.earlyStopping().get().metric(kind);
            if (!validation && chosen.split() == DataSplit.VALIDATION) {
                throw new TrainingException("early stopping monitors " + chosen.metricName() + ", but there is no"
                        + " validation set; add @Split(validation = 0.1) to the network (or split(...) to the"
                        + " config), or monitor train_loss");
            }
            return chosen;
        }
        return validation ? TrainingMetric.VAL_LOSS : TrainingMetric.TRAIN_LOSS;
    }

    private TrainingException diverged(int epoch, int step, float value, double lastGood, double learningRate) {
        return new TrainingException(String.format(Locale.ROOT,
                "the loss became %s in epoch %d, step %d (mean loss of the epoch so far: %s). Training stopped;"
                        + " the parameters of the last completed epoch are in last.safetensors and"
                        + " checkpoint.safetensors. Try a lower learning rate than %s, for example %s",
                value, epoch + 1, step + 1, Double.isNaN(lastGood) ? "none yet" : format(lastGood),
                learningRate, learningRate / 10));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
