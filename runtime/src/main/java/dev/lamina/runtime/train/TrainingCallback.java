package dev.lamina.runtime.train;

import java.io.IOException;
import java.util.Map;

/**
 * Told about a training run as it happens, in the manner of Keras callbacks, Lightning callbacks and DJL's
 * {@code TrainingListener}. Every method does nothing by default; override the ones you need.
 *
 * <p>The trainer's own work around the loop is callbacks too, and each method is called on every callback
 * in one order: console output, best and last parameters, history.csv and early stopping first; then the
 * callbacks of {@link TrainingConfig#callbacks()} in the order they were added, and those of {@link
 * TrainingConfig#callbackClasses()}; then the checkpoint (so it saves every state after this epoch),
 * metrics.json, the model file, the PyTorch export and the report (so it links the files written before it).
 *
 * <p>All methods run on the training thread, and what they do counts in the epoch's time. Epochs and
 * steps are 1-based. The per-step method gets only the step's index, so the trainer copies nothing from
 * the device for it: numbers that live on the device are read once per epoch, into {@link EpochResult}.
 *
 * <p>A callback with state a resumed run needs (a patience counter, a best value) returns it from {@link
 * #state()}; the trainer saves it in the checkpoint after each epoch and hands it back to {@link
 * #restoreState(Map)} when a run resumes, matched by {@link #stateKey()}.
 */
public interface TrainingCallback {

    /**
     * Training is about to start: the run folder exists, the network is built and, when resuming, restored
     * (callback state included). {@code context} stays valid for the whole run; keep it to stop the run.
     */
    default void onTrainBegin(TrainingContext context) throws IOException {}

    /** The training loop of {@code epoch} is about to take its first minibatch. */
    default void onEpochBegin(int epoch) {}

    /**
     * Minibatch {@code step} of the current epoch has updated the network (or was skipped). Called for every
     * step: keep it cheap. {@link TrainingContext#runningLoss()} has the epoch's mean loss so far.
     */
    default void onStepEnd(int step) {}

    /**
     * The training loop of {@code epoch} has taken its last minibatch; the epoch's evaluation comes next.
     * Together with {@link #onEpochBegin(int)} this brackets exactly what {@link EpochResult#trainSeconds()}
     * measures, for tools such as a profiler switched on for the loop only.
     */
    default void onTrainingLoopEnd(int epoch) {}

    /**
     * The epoch is evaluated. To end the run after this epoch, call {@link TrainingContext#requestStop(String)}.
     */
    default void onEpochEnd(EpochResult epoch) throws IOException {}

    /**
     * The last epoch has run (or a callback stopped the run); {@code outcome} holds what the run produced.
     * Not called when the run fails with an exception.
     */
    default void onTrainEnd(TrainingOutcome outcome) throws IOException {}

    /** What a resumed run needs to continue as if it had not stopped; saved with every checkpoint. */
    default Map<String, String> state() {
        return Map.of();
    }

    /**
     * Continues from a saved {@link #state()}: called before {@link #onTrainBegin} when a run resumes from
     * a checkpoint that holds state under this callback's {@link #stateKey()}.
     */
    default void restoreState(Map<String, String> state) {}

    /** The name the state is saved under; unique among a run's callbacks. Default: the class name. */
    default String stateKey() {
        return getClass().getName();
    }
}
