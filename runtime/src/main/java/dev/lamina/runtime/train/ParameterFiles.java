package dev.lamina.runtime.train;

import java.io.IOException;
import java.util.Map;

/**
 * After each epoch, last.safetensors, and best.safetensors when the monitored metric improved (Keras's
 * {@code ModelCheckpoint} with and without {@code save_best_only}).
 */
final class ParameterFiles implements TrainingCallback {

    private final RunDirectory runDirectory;
    private final MonitoredMetric best;
    private TrainingContext context;

    ParameterFiles(RunDirectory runDirectory, MonitoredMetric best) {
        this.runDirectory = runDirectory;
        this.best = best;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onEpochEnd(EpochResult epoch) throws IOException {
        if (best.update(epoch)) {
            runDirectory.writeParameters(RunDirectory.BEST, context.network());
        }
        runDirectory.writeParameters(RunDirectory.LAST, context.network());
    }

    /** The epoch in best.safetensors, or 0 before the first. */
    int bestEpoch() {
        return best.bestEpoch();
    }

    @Override
    public Map<String, String> state() {
        return best.state();
    }

    @Override
    public void restoreState(Map<String, String> state) {
        best.restore(state);
    }

    @Override
    public String stateKey() {
        return "best_parameters";
    }
}
