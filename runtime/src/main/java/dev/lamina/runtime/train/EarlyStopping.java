package dev.lamina.runtime.train;

import dev.lamina.spec.contract.TrainingMetric;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Keras-style early stopping: stops the run when the monitored metric has not improved by more than
 * {@code minDelta} for {@code patience} epochs and, if asked, puts the best epoch's parameters
 * (best.safetensors) back into the network at the end. Its best value and patience count go into the
 * checkpoint, so a resumed run stops where an uninterrupted one would.
 */
final class EarlyStopping implements TrainingCallback {

    private final EarlyStoppingSettings settings;
    private final MonitoredMetric monitored;
    private final RunDirectory runDirectory;
    private TrainingContext context;
    private boolean stopped;

    EarlyStopping(EarlyStoppingSettings settings, TrainingMetric metric, RunDirectory runDirectory) {
        this.settings = settings;
        this.monitored = new MonitoredMetric(metric, settings.minDelta());
        this.runDirectory = runDirectory;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onEpochEnd(EpochResult epoch) {
        monitored.update(epoch);
        if (monitored.staleEpochs() >= settings.patience()) {
            stopped = true;
            context.requestStop("Early stopping: " + monitored.metric().metricName() + " has not improved for "
                    + Plural.of(monitored.staleEpochs(), "epoch") + " (best " + String.format(Locale.ROOT, "%.4f",
                            monitored.bestValue()) + " at epoch " + monitored.bestEpoch() + ")");
        }
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        if (restoresBest()) {
            context.network().load(runDirectory.file(RunDirectory.BEST));
            context.out().println("Restored the parameters of epoch " + monitored.bestEpoch());
        }
    }

    /** Whether this callback stopped the run and puts the best epoch back, so the final numbers change. */
    boolean restoresBest() {
        return stopped && settings.restoreBest();
    }

    @Override
    public Map<String, String> state() {
        return monitored.state();
    }

    @Override
    public void restoreState(Map<String, String> state) {
        monitored.restore(state);
    }

    @Override
    public String stateKey() {
        return "early_stopping";
    }
}
