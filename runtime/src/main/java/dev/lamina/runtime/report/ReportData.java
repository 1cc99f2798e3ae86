package dev.lamina.runtime.report;

import dev.lamina.runtime.train.EpochResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run report shows, gathered by the trainer at the end of a run.
 *
 * @param settings the run's settings in display order (epochs, batch size, optimizer, loss, schedule, early
 *     stopping, device, threads, seed, data), as label to value
 * @param metrics the contents of metrics.json
 * @param confusionMatrix for class outputs: {@code [actual][predicted]} counts on the test set
 * @param rocCurve for one-logit outputs: the ROC curve on the test set
 */
public record ReportData(
        String networkName,
        String summary,
        Map<String, String> settings,
        Map<String, Object> metrics,
        List<EpochResult> history,
        Optional<int[][]> confusionMatrix,
        Optional<RocCurve> rocCurve) {}
