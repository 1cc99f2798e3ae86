package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;

/** What every optimizer keeps across steps, for checkpoints: its buffers and the number of steps taken. */
abstract class StatefulOptimizer implements Optimizer {

    protected final OptimizerState state;
    protected long steps;
    protected long skippedSteps;

    StatefulOptimizer(Map<String, NDArray> parameters) {
        NDManager owner = parameters.values().iterator().next().getManager();
        this.state = new OptimizerState(owner);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public long skippedSteps() {
        return skippedSteps;
    }

    @Override
    public Map<String, NDArray> state() {
        return state.buffers();
    }

    @Override
    public void restore(Map<String, float[]> values, long restoredSteps) {
        state.restore(values);
        steps = restoredSteps;
    }

    @Override
    public void close() {
        state.close();
    }
}
