package dev.lamina.runtime.train;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a run produced, as {@link TrainingCallback#onTrainEnd} sees it: every epoch's numbers, whether a
 * callback stopped the run, and the final metrics.
 */
public final class TrainingOutcome {

    private final List<EpochResult> history;
    private final boolean stoppedEarly;
    private final Supplier<RunMetrics> computeMetrics;
    private RunMetrics metrics;

    TrainingOutcome(List<EpochResult> history, boolean stoppedEarly, Supplier<RunMetrics> computeMetrics) {
        this.history = List.copyOf(history);
        this.stoppedEarly = stoppedEarly;
        this.computeMetrics = computeMetrics;
    }

    /** One entry per epoch, a resumed run's earlier epochs included. */
    public List<EpochResult> history() {
        return history;
    }

    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * The final numbers of the network as the run hands it back. Computed when first asked: early stopping
     * may restore the best epoch's parameters at the end of the run, and it runs before every callback
     * that asks (the user's, metrics.json, the report), so they all see the restored network's numbers.
     */
    public RunMetrics metrics() {
        if (metrics == null) {
            metrics = computeMetrics.get();
        }
        return metrics;
    }
}
