package dev.lamina.runtime.report;

import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run report shows, gathered by the trainer at the end of a run.
 *
 * @param summary the network's summary table
 * @param settings the run's settings in display order (epochs, batch size, optimizer, loss, schedule, early
 *     stopping, device, threads, seed, data), as label to value
 * @param metrics the run's final numbers, as metrics.json holds them; the network's name is among them
 * @param history one entry per epoch
 * @param predictions what the chosen parameters predicted on the validation and test sets, for the
 *     confusion matrix, ROC curves and scatter plots
 */
public record ReportData(
        String summary,
        Map<String, String> settings,
        RunMetrics metrics,
        List<EpochResult> history,
        FinalPredictions predictions) {

    public ReportData {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(settings, "settings");
        history = List.copyOf(history);
        Objects.requireNonNull(predictions, "predictions");
    }
}
