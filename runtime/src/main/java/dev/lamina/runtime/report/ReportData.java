package dev.lamina.runtime.report;

import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run report shows, gathered by the trainer at the end of a run.
 *
 * @param summary the network's summary table
 * @param settings the run's settings in display order (epochs, batch size, optimizer, loss, schedule, early
 *     stopping, device, threads, seed, data), as label to value
 * @param metrics the run's final numbers, as metrics.json holds them; the network's name is among them
 * @param history one entry per epoch
 * @param confusionMatrix for class outputs: {@code [actual][predicted]} counts on the test set
 * @param rocCurve for one-logit outputs: the ROC curve on the test set
 */
public record ReportData(
        String summary,
        Map<String, String> settings,
        RunMetrics metrics,
        List<EpochResult> history,
        Optional<int[][]> confusionMatrix,
        Optional<RocCurve> rocCurve) {

    public ReportData {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(settings, "settings");
        history = List.copyOf(history);
        Objects.requireNonNull(confusionMatrix, "confusionMatrix");
        Objects.requireNonNull(rocCurve, "rocCurve");
    }
}
