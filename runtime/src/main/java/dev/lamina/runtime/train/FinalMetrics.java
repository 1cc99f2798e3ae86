package dev.lamina.runtime.train;

import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaEngine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Works out a run's {@link RunMetrics} from its history and the network as the run hands it back. */
final class FinalMetrics {

    private FinalMetrics() {}

    /**
     * @param seconds wall-clock seconds of this run's epochs
     * @param restored whether early stopping put the best epoch's parameters back: then the test numbers
     *     are those of the restored network, not of the last epoch
     */
    static RunMetrics of(TrainingContext context, List<EpochResult> history, double seconds,
            int bestEpoch, boolean stoppedEarly, boolean restored) {
        TrainingConfig config = context.config();
        EpochResult last = history.get(history.size() - 1);
        double epochSeconds = history.stream().mapToDouble(EpochResult::seconds).sum();
        int trainSamples = context.trainData().size();
        Optional<RunMetrics.TestMetrics> test = context.deviceTestData().map(testData -> {
            Evaluation evaluation = restored
                    ? Evaluation.of(context.network(), testData, config.loss())
                    : new Evaluation(last.testLoss(), last.testAccuracy(), last.testRocAuc());
            return new RunMetrics.TestMetrics(testData.size(), evaluation.loss(), evaluation.accuracy(),
                    context.binary() ? OptionalDouble.of(evaluation.rocAuc()) : OptionalDouble.empty());
        });
        return new RunMetrics(
                context.networkName(),
                last.epoch(),
                config.batchSize(),
                trainSamples,
                round(seconds),
                round(epochSeconds == 0 ? 0 : (double) trainSamples * history.size() / epochSeconds),
                last.trainLoss(),
                last.trainAccuracy(),
                test,
                bestEpoch,
                stoppedEarly,
                round(MemoryProbe.peakResidentMegabytes()),
                Devices.describe(context.network().device()),
                LaminaEngine.threads(),
                config.seed(),
                config.optimizer().toString(),
                config.loss());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
