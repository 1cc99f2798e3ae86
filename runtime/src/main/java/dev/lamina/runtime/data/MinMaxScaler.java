package dev.lamina.runtime.data;

import java.util.Arrays;

/**
 * sklearn's {@code MinMaxScaler()} (feature range [0, 1]): fitted per feature column on the training set, then
 * applied unchanged to training and test data, so the test set is scaled with the training set's minimum and
 * maximum and can fall outside [0, 1].
 *
 * <p>The arithmetic follows sklearn 1.x so that the float32 values match the notebook's: in double precision,
 * {@code scale = 1 / (max - min)}, where a range below {@code 10 * eps} (a constant column) gets scale 1;
 * {@code offset = -min * scale}; and {@code x' = x * scale + offset}, rounded to float. A constant column thus
 * becomes {@code x - min}: 0 in the training set.
 *
 * <p>A feature column is one element of the flattened sample: for MNIST, one pixel position.
 */
public final class MinMaxScaler {

    /** sklearn's {@code _handle_zeros_in_scale}: ranges smaller than this count as zero. */
    private static final double SMALLEST_RANGE = 10 * Math.ulp(1.0);

    private final double[] dataMin;
    private final double[] dataMax;
    private final double[] scale;
    private final double[] offset;

    private MinMaxScaler(double[] dataMin, double[] dataMax) {
        this.dataMin = dataMin;
        this.dataMax = dataMax;
        this.scale = new double[dataMin.length];
        this.offset = new double[dataMin.length];
        for (int column = 0; column < dataMin.length; column++) {
            double range = dataMax[column] - dataMin[column];
            scale[column] = 1.0 / (range < SMALLEST_RANGE ? 1.0 : range);
            offset[column] = -dataMin[column] * scale[column];
        }
    }

    /** Learns each column's minimum and maximum from {@code train}. */
    public static MinMaxScaler fit(Dataset train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(train.source() + ": cannot fit a scaler on an empty data set");
        }
        int width = train.sampleSize();
        float[] features = train.features();
        double[] min = new double[width];
        double[] max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int row = 0; row < train.size(); row++) {
            int base = row * width;
            for (int column = 0; column < width; column++) {
                double value = features[base + column];
                min[column] = Math.min(min[column], value);
                max[column] = Math.max(max[column], value);
            }
        }
        return new MinMaxScaler(min, max);
    }

    /** Fits on {@code data.train()} and scales both sets (copies; the input is unchanged). */
    public static TrainTestData fitAndTransform(TrainTestData data) {
        MinMaxScaler scaler = fit(data.train());
        return new TrainTestData(scaler.transform(data.train()), scaler.transform(data.test()));
    }

    /** A scaled copy of {@code data}, keeping its source and line numbers. */
    public Dataset transform(Dataset data) {
        int[] everyRow = new int[data.size()];
        Arrays.setAll(everyRow, i -> i);
        Dataset copy = data.subset(everyRow);
        transformInPlace(copy);
        return copy;
    }

    /** Scales {@code data}'s feature array itself: for large sets that are not needed unscaled. */
    public void transformInPlace(Dataset data) {
        int width = dataMin.length;
        if (data.sampleSize() != width) {
            throw new IllegalArgumentException(data.source() + ": samples have " + data.sampleSize()
                    + " values, but the scaler was fitted on samples of " + width);
        }
        float[] features = data.features();
        for (int row = 0; row < data.size(); row++) {
            int base = row * width;
            for (int column = 0; column < width; column++) {
                features[base + column] = (float) (features[base + column] * scale[column] + offset[column]);
            }
        }
    }

    /** Each column's minimum in the training set (sklearn's {@code data_min_}). */
    public double[] dataMin() {
        return dataMin.clone();
    }

    /** Each column's maximum in the training set (sklearn's {@code data_max_}). */
    public double[] dataMax() {
        return dataMax.clone();
    }

    /** Each column's factor (sklearn's {@code scale_}): 1 / (max - min), or 1 for a constant column. */
    public double[] scale() {
        return scale.clone();
    }
}
