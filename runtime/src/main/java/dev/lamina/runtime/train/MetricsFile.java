package dev.lamina.runtime.train;

import java.io.IOException;

/** metrics.json at the end of a run: {@link RunMetrics#toJsonMap()}. */
final class MetricsFile implements TrainingCallback {

    private final RunDirectory runDirectory;

    MetricsFile(RunDirectory runDirectory) {
        this.runDirectory = runDirectory;
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        runDirectory.writeMetrics(outcome.metrics());
    }
}
