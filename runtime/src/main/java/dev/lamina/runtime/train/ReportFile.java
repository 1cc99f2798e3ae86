package dev.lamina.runtime.train;

import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.report.FinalPredictions;
import dev.lamina.runtime.report.ReportData;
import dev.lamina.runtime.report.RunReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
        RunMetrics metrics = outcome.metrics();
        FinalPredictions predictions = withChosenParameters(metrics, outcome.history());
        RunReport.write(context.runDirectory(), new ReportData(context.summary(), settings(), metrics,
                outcome.history(), predictions));
        context.out().println("Run files: " + context.runDirectory().toAbsolutePath());
        context.out().println("Report: " + context.runDirectory().resolve(RunReport.HTML).toAbsolutePath());
    }

    /**
     * The predictions of the chosen epoch's parameters, those the test metrics were computed with: the network
     * holds the last epoch's unless early stopping restored the best, so best.safetensors is loaded for them and
     * the network is handed back as it was.
     */
    private FinalPredictions withChosenParameters(RunMetrics metrics, List<EpochResult> history) throws IOException {
        LaminaNetwork network = context.network();
        Path best = context.runDirectory().resolve(RunDirectory.BEST);
        boolean lastIsChosen = history.isEmpty() || history.get(history.size() - 1).epoch() == metrics.bestEpoch();
        if (lastIsChosen || context.deviceTestData().isEmpty() || !Files.isRegularFile(best)) {
            return predictions();
        }
        Map<String, SafeTensors.Tensor> held = network.parameterTensors();
        network.load(best);
        try {
            return predictions();
        } finally {
            network.restore(best, network.fileMetadata(), held);
        }
    }

    private FinalPredictions predictions() {
        Optional<DeviceData> test = context.deviceTestData();
        LaminaNetwork network = context.network();
        return switch (context.kind()) {
            case CLASSES -> test.map(data -> FinalPredictions.classes(TestPredictions.confusionMatrix(network, data)))
                    .orElse(FinalPredictions.none());
            case BINARY -> test.map(data -> TestPredictions.binary(network, data, context.deviceValidationData()))
                    .orElse(FinalPredictions.none());
            case REGRESSION -> test.map(data -> FinalPredictions.regression(TestPredictions.regression(network, data)))
                    .orElse(FinalPredictions.none());
        };
    }

    private Map<String, String> settings() {
        TrainingConfig config = context.config();
        Dataset train = context.trainData();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Epochs", Integer.toString(config.epochs()));
        settings.put("Batch size", Integer.toString(config.batchSize()));
        settings.put("Optimizer", config.optimizer().toString());
        settings.put("Loss", switch (config.loss()) {
            case CROSS_ENTROPY -> "cross-entropy";
            case BCE_WITH_LOGITS -> "BCE-with-logits" + (context.taskNames().size() > 1
                    ? ", " + context.taskNames().size() + " tasks, missing labels masked" : "");
            case MSE -> "mean squared error";
            case L1 -> "L1 (mean absolute error)";
            case HUBER -> "Huber";
        });
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
        context.validationData().ifPresent(validation -> settings.put("Validation data", validation.source() + " ("
                + String.format(Locale.ROOT, "%,d", validation.size()) + " samples)"));
        context.testData().ifPresent(test -> settings.put("Test data", test.source() + " ("
                + String.format(Locale.ROOT, "%,d", test.size()) + " samples)"));
        return settings;
    }
}
