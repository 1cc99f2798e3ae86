package dev.lamina.runtime.data;

import java.util.Arrays;
import java.util.Map;

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
 *
 * <p>A fitted scaler is the data's {@link Preprocessing}: saved in the model file (the training minimum and
 * maximum of every column) and applied to each raw sample at prediction. Immutable and thread-safe.
 */
public final class MinMaxScaler implements Preprocessing<float[]> {

    /** The name model files store it under. */
    public static final String KIND = "min-max";

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

    /**
     * A scaler with known column ranges, as a model file stores them.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold non-finite values
     */
    public static MinMaxScaler of(double[] min, double[] max) {
        if (min.length == 0 || min.length != max.length) {
            throw new IllegalArgumentException("a scaler needs as many minima as maxima, at least one; got "
                    + min.length + " and " + max.length);
        }
        for (int column = 0; column < min.length; column++) {
            if (!Double.isFinite(min[column]) || !Double.isFinite(max[column]) || min[column] > max[column]) {
                throw new IllegalArgumentException("column " + column + " has the range [" + min[column] + ", "
                        + max[column] + "]; a range must be finite with min <= max");
            }
        }
        return new MinMaxScaler(min.clone(), max.clone());
    }

    /** Fits on {@code data.train()} and scales both sets (copies; the input is unchanged); the scaler goes with them. */
    public static TrainTestData fitAndTransform(TrainTestData data) {
        MinMaxScaler scaler = fit(data.train());
        return new TrainTestData(scaler.transform(data.train()), scaler.transform(data.test()), scaler);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<float[]> rawType() {
        return float[].class;
    }

    @Override
    public int featureCount() {
        return dataMin.length;
    }

    /** One raw sample scaled exactly as {@link #transformInPlace} scales a data set's rows. */
    @Override
    public float[] apply(float[] raw) {
        FeatureVector.check(raw, dataMin.length);
        float[] scaled = new float[raw.length];
        for (int column = 0; column < raw.length; column++) {
            scaled[column] = (float) (raw[column] * scale[column] + offset[column]);
        }
        return scaled;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("min", Arrays.stream(dataMin).boxed().toList(), "max", Arrays.stream(dataMax).boxed().toList());
    }

    /** Reads a {@link MinMaxScaler} from a model file. */
    public static final class Kind implements PreprocessingKind {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Preprocessing<?> read(Map<String, Object> parameters) {
            Object min = Trees.value(parameters, "min");
            int width = min instanceof java.util.List<?> list ? list.size() : -1;
            return of(Trees.doubles(parameters, "min", width), Trees.doubles(parameters, "max", width));
        }
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
