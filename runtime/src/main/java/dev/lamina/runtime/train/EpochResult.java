package dev.lamina.runtime.train;

import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TrainingMetric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's numbers, one row of history.csv.
 *
 * @param metrics the epoch's metrics in history.csv's order ({@link TrainingMetric#producedFor}): {@code
 *     train_loss} is the mean of the epoch's minibatch losses, as the notebook reports it; the other training
 *     metrics are measured on the whole training set in eval mode after the epoch; {@code val_*} on the
 *     validation set, {@code test_*} on the test set when it is evaluated every epoch
 * @param seconds the whole epoch: training loop and evaluation
 * @param trainSeconds the training loop alone (NaN when read back from history.csv), for benchmarks
 * @param skippedSteps steps the optimizer skipped because a gradient was NaN or infinite (0 when read back
 *     from history.csv); a safety net that should never trigger, so the console and the report warn about it
 */
public record EpochResult(
        int epoch,
        Map<TrainingMetric, Double> metrics,
        double learningRate,
        double seconds,
        double rssMegabytes,
        double trainSeconds,
        long skippedSteps) {

    public EpochResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The value of {@code metric}, NaN if the epoch did not measure it. */
    public double value(TrainingMetric metric) {
        return metrics.getOrDefault(metric, Double.NaN);
    }

    /** The value of {@code measure} on {@code split}, NaN if the epoch did not measure it. */
    public double value(DataSplit split, Measure measure) {
        return value(new TrainingMetric(split, measure));
    }

    public double trainLoss() {
        return value(TrainingMetric.TRAIN_LOSS);
    }

    public double trainAccuracy() {
        return value(DataSplit.TRAIN, Measure.ACCURACY);
    }

    public double validationLoss() {
        return value(TrainingMetric.VAL_LOSS);
    }

    /** The test set's loss after this epoch, when the test set is evaluated every epoch. */
    public double testLoss() {
        return value(DataSplit.TEST, Measure.LOSS);
    }

    public double testAccuracy() {
        return value(DataSplit.TEST, Measure.ACCURACY);
    }

    public double testRocAuc() {
        return value(DataSplit.TEST, Measure.ROC_AUC);
    }
}
