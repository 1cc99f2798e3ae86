package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;

import java.util.Map;

/**
 * Updates a network's trainable parameters from their gradients, in place, and clears the gradients
 * for the next step (PyTorch accumulates them otherwise).
 */
public interface Optimizer extends AutoCloseable {

    /** One update of every parameter with learning rate {@code learningRate}. */
    void step(double learningRate);

    /** Updates done so far (Adam's bias correction depends on it); skipped steps do not count. */
    long steps();

    /**
     * Steps that updated nothing because a gradient was NaN or infinite (as PyTorch's GradScaler skips
     * them). The gradients are cleared all the same.
     */
    long skippedSteps();

    /** The state a resumed run needs, by name, so a checkpoint can store it. */
    Map<String, NDArray> state();

    /** Restores {@link #state()} and the step count from a checkpoint. */
    void restore(Map<String, float[]> state, long steps);

    /** Frees the optimizer's state arrays. */
    @Override
    void close();
}
