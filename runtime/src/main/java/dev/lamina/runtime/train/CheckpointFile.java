package dev.lamina.runtime.train;

import dev.lamina.runtime.train.optim.Optimizer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * checkpoint.safetensors after each epoch: parameters, optimizer state, progress and the {@link
 * TrainingCallback#state()} of every callback of the run, so a resumed run continues exactly. It runs
 * after every other callback's {@code onEpochEnd}, so the states it saves include this epoch.
 */
final class CheckpointFile implements TrainingCallback {

    private final RunDirectory runDirectory;
    private final Optimizer optimizer;
    private final List<TrainingCallback> callbacks;
    private TrainingContext context;

    /** @param callbacks every callback of the run, whose state the checkpoint holds */
    CheckpointFile(RunDirectory runDirectory, Optimizer optimizer, List<TrainingCallback> callbacks) {
        this.runDirectory = runDirectory;
        this.optimizer = optimizer;
        this.callbacks = callbacks;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onEpochEnd(EpochResult epoch) throws IOException {
        Map<String, Map<String, String>> states = new LinkedHashMap<>();
        for (TrainingCallback callback : callbacks) {
            Map<String, String> state = callback.state();
            if (!state.isEmpty()) {
                states.put(callback.stateKey(), state);
            }
        }
        runDirectory.writeCheckpoint(context.network(), optimizer,
                new RunDirectory.Checkpoint(epoch.epoch(), optimizer.steps(), states));
    }
}
