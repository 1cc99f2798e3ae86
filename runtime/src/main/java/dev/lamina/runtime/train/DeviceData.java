package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.data.Dataset;

/**
 * A data set copied to the device once, as one features array and one labels array: batches are index
 * slices of these (or of {@link ShuffledData}'s copy in an epoch's order), so no sample crosses between
 * Java and native memory during training.
 */
final class DeviceData implements AutoCloseable {

    private final NDManager manager;
    private final NDArray features;
    private final NDArray labels;
    private final Dataset source;

    DeviceData(NDManager parent, Dataset data, Loss loss) {
        this.manager = parent.newSubManager();
        this.source = data;
        long[] shape = new long[data.sampleShape().length + 1];
        shape[0] = data.size();
        System.arraycopy(data.sampleShape(), 0, shape, 1, shape.length - 1);
        this.features = manager.create(data.features(), new Shape(shape));
        this.labels = LossFunction.prepareLabels(loss, manager.create(data.labels()));
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
