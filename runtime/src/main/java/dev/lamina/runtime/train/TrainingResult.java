package dev.lamina.runtime.train;

import dev.lamina.runtime.LaminaNetwork;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced: the trained network (still open; close the result to free it), one {@link
 * EpochResult} per epoch, the numbers written to metrics.json and the run folder.
 */
public record TrainingResult(
        LaminaNetwork network,
        List<EpochResult> history,
        RunMetrics metrics,
        Path runDirectory,
        boolean stoppedEarly) implements AutoCloseable {

    public EpochResult lastEpoch() {
        return history.get(history.size() - 1);
    }

    @Override
    public void close() {
        network.close();
    }
}
