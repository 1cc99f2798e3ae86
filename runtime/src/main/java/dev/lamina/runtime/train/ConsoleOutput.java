package dev.lamina.runtime.train;

import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.data.Dataset;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What a run prints: the summary and a header line, a progress bar per epoch, and the notebook's line
 * after each epoch, Keras-style.
 */
final class ConsoleOutput implements TrainingCallback {

    private TrainingContext context;
    private int steps;
    private TrainingProgress bar;

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
        TrainingConfig config = context.config();
        int batch = config.batchSize();
        steps = (context.trainData().size() + batch - 1) / batch;
        printHeader(context.out(), context, config);
    }

    @Override
    public void onEpochBegin(int epoch) {
        bar = TrainingProgress.start(context.config().progressBar(), epoch, context.config().epochs(), steps);
    }

    @Override
    public void onStepEnd(int step) {
        // A skipped first batch (one sample with BatchNorm) leaves no loss yet.
        double loss = context.runningLoss();
        bar.step(Double.isNaN(loss) ? 0 : loss);
    }

    @Override
    public void onTrainingLoopEnd(int epoch) {
        close();
    }

    @Override
    public void onEpochEnd(EpochResult epoch) {
        context.out().println(epochLine(epoch));
    }

    /** Ends the progress bar of a loop that failed, so it stops drawing. */
    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static void printHeader(PrintStream out, TrainingContext context, TrainingConfig config) {
        Dataset train = context.trainData();
        int threads = LaminaEngine.threads();
        out.print(context.summary());
        out.printf(Locale.ROOT, "Training %s on %s (%s): %s%s, batch %d, %s, %s,"
                        + " %s%s%n",
                context.networkName(), Devices.describe(context.network().device()), Plural.of(threads, "thread"),
                Plural.of(train.size(), "training sample"), context.validationData()
                        .map(validation -> ", " + Plural.of(validation.size(), "validation sample")).orElse("")
                        + context.testData().map(test -> ", " + Plural.of(test.size(), "test sample")).orElse(""),
                config.batchSize(), Plural.of(config.epochs(), "epoch"), config.optimizer(),
                LossFunction.describe(config.loss()) + (train.labelWidth() > 1
                        ? " over " + Plural.of(train.labelWidth(), "task") : ""),
                config.schedule() == Schedule.CONSTANT ? "" : ", " + config.schedule());
    }

    /** The notebook's line: mean minibatch loss and the metrics of each evaluated set, Keras-style. */
    static String epochLine(EpochResult e) {
        StringBuilder line = new StringBuilder("Epoch ").append(e.epoch());
        e.metrics().forEach((metric, value) -> line.append(" - ").append(metric.metricName()).append(": ")
                .append(String.format(Locale.ROOT, "%.4f", value)));
        return line.append(String.format(Locale.ROOT, " - %.1fs", e.seconds())).toString();
    }
}
