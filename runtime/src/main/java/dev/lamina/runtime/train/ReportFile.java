package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.report.ReportData;
import dev.lamina.runtime.report.RocCurve;
import dev.lamina.runtime.report.RunReport;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * report.html with its charts at the end of a run, and the lines that tell where the run files are.
 * Runs after the other files are written, so the report links them.
 */
final class ReportFile implements TrainingCallback {

    private TrainingContext context;

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        Optional<DeviceData> test = context.deviceTestData();
        boolean binary = context.binary();
        Optional<int[][]> confusion = binary
                ? Optional.empty()
                : test.map(data -> TestPredictions.confusionMatrix(context.network(), data));
        Optional<RocCurve> roc = binary
                ? test.map(data -> TestPredictions.rocCurve(context.network(), data))
                : Optional.empty();
        RunReport.write(context.runDirectory(), new ReportData(context.summary(), settings(), outcome.metrics(),
                outcome.history(), confusion, roc));
        context.out().println("Run files: " + context.runDirectory().toAbsolutePath());
        context.out().println("Report: " + context.runDirectory().resolve(RunReport.HTML).toAbsolutePath());
    }

    private Map<String, String> settings() {
        TrainingConfig config = context.config();
        Dataset train = context.trainData();
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
        settings.put("Device", Devices.describe(context.network().device()));
        settings.put("Threads", Integer.toString(LaminaEngine.threads()));
        settings.put("Training data", train.source() + " (" + String.format(Locale.ROOT, "%,d", train.size())
                + " samples" + (config.limit() > 0 ? ", limited to the first " + config.limit() : "") + ")");
        context.testData().ifPresent(test -> settings.put("Test data", test.source() + " ("
                + String.format(Locale.ROOT, "%,d", test.size()) + " samples)"));
        return settings;
    }
}
