package dev.lamina.runtime.train;

import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.TrainingMetric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Works out a run's {@link RunMetrics} from its history and the chosen parameters: the best epoch's by the
 * monitored metric, which best.safetensors and the model file hold. The validation and test sets are evaluated
 * here with exactly those parameters; this is the test set's one evaluation when the run had a validation set.
 */
final class FinalMetrics {

    private FinalMetrics() {}

    /**
     * @param seconds wall-clock seconds of this run's epochs
     * @param restored whether early stopping put the best epoch's parameters back into the network
     */
    static RunMetrics of(TrainingContext context, List<EpochResult> history, double seconds, int bestEpoch,
            TrainingMetric monitor, boolean stoppedEarly, boolean restored, RunDirectory runDirectory) {
        TrainingConfig config = context.config();
        EpochResult last = history.get(history.size() - 1);
        int chosen = bestEpoch > 0 ? bestEpoch : last.epoch();
        LaminaNetwork network = context.network();
        boolean holdsChosen = restored || chosen == last.epoch();
        Optional<RunMetrics.SetMetrics> validation;
        Optional<RunMetrics.SetMetrics> test;
        try {
            if (!holdsChosen) {
                network.load(runDirectory.file(RunDirectory.BEST));
            }
            validation = context.deviceValidationData().map(data -> evaluate(context, data, DataSplit.VALIDATION, chosen));
            test = context.deviceTestData().map(data -> evaluate(context, data, DataSplit.TEST, chosen));
            if (!holdsChosen) {
                // The run hands back the network as training left it.
                network.load(runDirectory.file(RunDirectory.LAST));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evaluate the chosen parameters of epoch " + chosen, e);
        }
        double epochSeconds = history.stream().mapToDouble(EpochResult::seconds).sum();
        int trainSamples = context.trainData().size();
        return new RunMetrics(
                context.networkName(),
                last.epoch(),
                config.batchSize(),
                trainSamples,
                round(seconds),
                round(epochSeconds == 0 ? 0 : (double) trainSamples * history.size() / epochSeconds),
                last.trainLoss(),
                last.trainAccuracy(),
                validation,
                test,
                chosen,
                monitor.metricName(),
                stoppedEarly,
                round(MemoryProbe.peakResidentMegabytes()),
                Devices.describe(network.device()),
                LaminaEngine.threads(),
                config.seed(),
                config.optimizer().toString(),
                config.loss(),
                context.taskNames());
    }

    private static RunMetrics.SetMetrics evaluate(TrainingContext context, DeviceData data, DataSplit split,
            int epoch) {
        Evaluation evaluation = Evaluation.of(context.network(), data, context.config().loss(), true);
        return new RunMetrics.SetMetrics(split, data.size(), epoch, evaluation.means(), evaluation.perTask(),
                TaskColumns.labelled(data.source().labels(), data.labelWidth()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
