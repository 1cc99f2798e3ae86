package dev.lamina.runtime.train;

import dev.lamina.spec.contract.TrainingMetric;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The best value so far of one metric and the epochs since it last improved by more than {@code minDelta}:
 * what decides best.safetensors and early stopping. Its state goes into the checkpoint, so a resumed run
 * compares against the same best value.
 */
final class MonitoredMetric {

    private final TrainingMetric metric;
    private final double minDelta;
    private double bestValue = Double.NaN;
    private int bestEpoch;
    private int staleEpochs;

    MonitoredMetric(TrainingMetric metric, double minDelta) {
        this.metric = metric;
        this.minDelta = minDelta;
    }

    /** Takes in an epoch; true if it is the new best. */
    boolean update(EpochResult epoch) {
        double value = epoch.value(metric);
        if (Double.isNaN(value)) {
            // An undefined value (a validation set without a positive has no ROC AUC) never improves.
            staleEpochs++;
            return false;
        }
        boolean improved = Double.isNaN(bestValue)
                || (metric.higherIsBetter() ? value > bestValue + minDelta : value < bestValue - minDelta);
        if (improved) {
            bestValue = value;
            bestEpoch = epoch.epoch();
            staleEpochs = 0;
        } else {
            staleEpochs++;
        }
        return improved;
    }

    TrainingMetric metric() {
        return metric;
    }

    double bestValue() {
        return bestValue;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    int staleEpochs() {
        return staleEpochs;
    }

    /** The checkpoint's keys since before callbacks existed, so older checkpoints still resume. */
    Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("best_value", Double.toString(bestValue));
        state.put("best_epoch", Integer.toString(bestEpoch));
        state.put("stale_epochs", Integer.toString(staleEpochs));
        return state;
    }

    void restore(Map<String, String> state) {
        if (state.containsKey("best_value")) {
            bestValue = Double.parseDouble(state.get("best_value"));
            bestEpoch = Integer.parseInt(state.get("best_epoch"));
            staleEpochs = Integer.parseInt(state.get("stale_epochs"));
        }
    }
}
