package dev.lamina.runtime.train;

/**
 * Told when each epoch's training loop starts and ends: the minibatches alone, before the epoch's
 * evaluation and run files, the span {@link EpochResult#trainSeconds()} measures. For tools that look at
 * the training itself, such as a profiler switched on for the loop only ({@code benchmarks/profile.sh}).
 * Both methods run on the training thread; what they do counts in the epoch's time.
 */
public interface TrainingListener {

    /** Listens to nothing. */
    TrainingListener NONE = new TrainingListener() {};

    /** The training loop of {@code epoch} (1-based) is about to take its first minibatch. */
    default void trainingLoopStarted(int epoch) {}

    /** The training loop of {@code epoch} (1-based) has taken its last minibatch; evaluation comes next. */
    default void trainingLoopFinished(int epoch) {}
}
