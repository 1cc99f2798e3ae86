package dev.lamina.runtime.train;

import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** history.csv, rewritten after each epoch with every epoch so far (Keras's {@code CSVLogger}). */
final class HistoryFile implements TrainingCallback {

    private final RunDirectory runDirectory;
    private final List<EpochResult> history = new ArrayList<>();
    private List<TrainingMetric> columns = List.of();

    /** @param earlier the epochs of the run this one resumes, already in the file */
    HistoryFile(RunDirectory runDirectory, List<EpochResult> earlier) {
        this.runDirectory = runDirectory;
        history.addAll(earlier);
    }

    /**
     * The rows of the run a resumed run continues, up to the checkpoint's epoch. history.csv is written
     * before the checkpoint: after a kill between the two it is one epoch ahead, and that epoch will be
     * trained again.
     *
     * @throws TrainingException if the file is missing or lacks epochs the checkpoint says were trained:
     *     the run's history (and the report's curves) would silently start in the middle
     */
    static List<EpochResult> earlierEpochs(RunDirectory runDirectory, int completed, TaskKind kind) throws IOException {
        Path file = runDirectory.file(RunDirectory.HISTORY).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new TrainingException("cannot resume: " + file + " is missing, but the checkpoint beside it"
                    + " was saved after epoch " + completed + "; put back the history.csv of that run, or train"
                    + " without resume to start over");
        }
        List<EpochResult> rows = HistoryCsv.read(file, kind).stream().filter(row -> row.epoch() <= completed).toList();
        for (int epoch = 1; epoch <= completed; epoch++) {
            if (epoch > rows.size() || rows.get(epoch - 1).epoch() != epoch) {
                throw new TrainingException("cannot resume: " + file + " has no row for epoch " + epoch + ", but"
                        + " the checkpoint beside it was saved after epoch " + completed + "; put back the"
                        + " history.csv of that run, or train without resume to start over");
            }
        }
        return rows;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        columns = context.metrics();
    }

    @Override
    public void onEpochEnd(EpochResult epoch) throws IOException {
        history.add(epoch);
        HistoryCsv.write(runDirectory.file(RunDirectory.HISTORY), history, columns);
    }
}
