package dev.lamina.runtime.train;

/**
 * One epoch's numbers, one row of history.csv. Test metrics are NaN when there is no test set; ROC AUC
 * is NaN for networks that are not binary.
 *
 * @param trainLoss the mean of the epoch's minibatch losses, as the notebook reports it
 * @param trainAccuracy accuracy on the whole training set in eval mode, after the epoch
 * @param seconds the whole epoch: training loop and evaluation
 * @param trainSeconds the training loop alone (NaN when read back from history.csv), for benchmarks
 * @param skippedSteps steps the optimizer skipped because a gradient was NaN or infinite (0 when read back
 *     from history.csv); a safety net that should never trigger, so the console and the report warn about it
 */
public record EpochResult(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double testLoss,
        double testAccuracy,
        double testRocAuc,
        double learningRate,
        double seconds,
        double rssMegabytes,
        double trainSeconds,
        long skippedSteps) {

    /** An epoch in which every step updated the network. */
    public EpochResult(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            double testRocAuc, double learningRate, double seconds, double rssMegabytes, double trainSeconds) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, testRocAuc, learningRate, seconds, rssMegabytes,
                trainSeconds, 0);
    }

    /** An epoch whose training-loop time is not known (read back from history.csv). */
    public EpochResult(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            double testRocAuc, double learningRate, double seconds, double rssMegabytes) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, testRocAuc, learningRate, seconds, rssMegabytes,
                Double.NaN);
    }
}
