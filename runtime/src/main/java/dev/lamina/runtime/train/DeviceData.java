package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.data.Dataset;

/**
 * A data set copied to the device once, as one features array and one labels array: batches are index
 * slices of these (or of {@link ShuffledData}'s copy in an epoch's order), so no sample crosses between
 * Java and native memory during training. Missing labels stay NaN on the device; the loss masks them.
 */
final class DeviceData implements AutoCloseable {

    private final NDManager manager;
    private final NDArray features;
    private final NDArray labels;
    private final Dataset source;
    /** Labelled entries before each row, so a chunk's count is a subtraction: {@code size() + 1} of them. */
    private final long[] labelledBefore;

    DeviceData(NDManager parent, Dataset data, Loss loss) {
        this.manager = parent.newSubManager();
        this.source = data;
        long[] shape = new long[data.sampleShape().length + 1];
        shape[0] = data.size();
        System.arraycopy(data.sampleShape(), 0, shape, 1, shape.length - 1);
        this.features = manager.create(data.features(), new Shape(shape));
        this.labels = LossFunction.prepareLabels(loss, manager.create(data.labels()), data.labelWidth());
        this.labelledBefore = new long[data.size() + 1];
        float[] values = data.labels();
        int width = data.labelWidth();
        for (int i = 0; i < data.size(); i++) {
            int present = 0;
            for (int t = 0; t < width; t++) {
                present += Float.isNaN(values[i * width + t]) ? 0 : 1;
            }
            labelledBefore[i + 1] = labelledBefore[i] + present;
        }
    }

    NDArray features() {
        return features;
    }

    NDArray labels() {
        return labels;
    }

    int size() {
        return source.size();
    }

    int labelWidth() {
        return source.labelWidth();
    }

    /** Whether some label is missing (NaN), so the loss must mask. */
    boolean missingLabels() {
        return labelledBefore[size()] < (long) size() * labelWidth();
    }

    /** The labelled entries of rows {@code from} (inclusive) to {@code to} (exclusive). */
    long labelledEntries(int from, int to) {
        return labelledBefore[to] - labelledBefore[from];
    }

    Dataset source() {
        return source;
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
