package dev.lamina.runtime.train;

import dev.lamina.spec.contract.Measure;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * metrics.json at the end of a run ({@link RunMetrics#toJsonMap()}), and the line that says the final scores on
 * the console: with a validation set the test set's numbers appear nowhere else until now, since it is scored
 * once, with the chosen parameters.
 */
final class MetricsFile implements TrainingCallback {

    private final RunDirectory runDirectory;

    private TrainingContext context;

    MetricsFile(RunDirectory runDirectory) {
        this.runDirectory = runDirectory;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    /** {@code Test (epoch 2, 450 samples): test_loss: 0.4312 - test_roc_auc: 0.8950 ...}. */
    static String scoreLine(RunMetrics.SetMetrics test) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Test (epoch %d, %d samples):",
                test.epoch(), test.samples()));
        String separator = " ";
        for (Map.Entry<Measure, Double> entry : test.means().entrySet()) {
            line.append(separator).append(test.split().prefix()).append('_').append(entry.getKey().key())
                    .append(String.format(Locale.ROOT, ": %.4f", entry.getValue()));
            separator = " - ";
        }
        return line.toString();
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        RunMetrics metrics = outcome.metrics();
        runDirectory.writeMetrics(metrics);
        metrics.test().ifPresent(test -> context.out().println(scoreLine(test)));
    }
}
