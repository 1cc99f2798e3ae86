package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.lamina.runtime.ArrayValues;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-parameter buffers an optimizer keeps across steps (Adam's moments, SGD's momentum), in one
 * manager that lives as long as the optimizer, created once so no step allocates them again.
 */
final class OptimizerState implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    OptimizerState(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** A zero buffer shaped like {@code parameter}, called {@code <parameter>/<kind>}. */
    NDArray zerosLike(String parameter, String kind, NDArray like) {
        NDArray buffer = manager.zeros(like.getShape(), like.getDataType());
        buffers.put(parameter + "/" + kind, buffer);
        return buffer;
    }

    /**
     * The manager the buffers live in, for arrays the optimizer needs but does not checkpoint by name
     * (they are freed with the state).
     */
    NDManager scratch() {
        return manager;
    }

    Map<String, NDArray> buffers() {
        return buffers;
    }

    void restore(Map<String, float[]> values) {
        for (Map.Entry<String, NDArray> entry : buffers.entrySet()) {
            float[] saved = values.get(entry.getKey());
            if (saved == null || saved.length != entry.getValue().size()) {
                throw new IllegalArgumentException("the checkpoint has no optimizer state '" + entry.getKey()
                        + "' of " + entry.getValue().size() + " values; it was written by another optimizer"
                        + " or network");
            }
            ArrayValues.overwrite(entry.getValue(), saved);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
