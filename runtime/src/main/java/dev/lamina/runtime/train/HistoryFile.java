package dev.lamina.runtime.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** history.csv, rewritten after each epoch with every epoch so far (Keras's {@code CSVLogger}). */
final class HistoryFile implements TrainingCallback {

    private final RunDirectory runDirectory;
    private final List<EpochResult> history = new ArrayList<>();
    private boolean binary;

    /** @param earlier the epochs of the run this one resumes, already in the file */
    HistoryFile(RunDirectory runDirectory, List<EpochResult> earlier) {
        this.runDirectory = runDirectory;
        history.addAll(earlier);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        binary = context.binary();
    }

    @Override
    public void onEpochEnd(EpochResult epoch) throws IOException {
        history.add(epoch);
        HistoryCsv.write(runDirectory.file(RunDirectory.HISTORY), history, binary);
    }
}
