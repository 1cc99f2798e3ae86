package dev.lamina.runtime.data;

import java.util.Arrays;

/**
 * Samples and labels held in Java arrays, ready to be copied to the device once: {@code features} holds
 * {@code size()} samples of {@code sampleShape} each, row-major; {@code labels} holds a class index (as a
 * whole number) or a 0/1 target per sample.
 *
 * <p>Each row remembers where it came from ({@link #describeRow}), so a bad label found later can still
 * be reported with its file and line.
 */
public final class Dataset {

    private final String source;
    private final float[] features;
    private final long[] sampleShape;
    private final float[] labels;
    private final int[] lines;

    private Dataset(String source, float[] features, long[] sampleShape, float[] labels, int[] lines) {
        long sampleSize = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        if (sampleSize <= 0 || features.length != (long) labels.length * sampleSize) {
            throw new IllegalArgumentException(source + ": " + features.length + " feature values do not make "
                    + labels.length + " samples of shape " + Arrays.toString(sampleShape));
        }
        if (lines != null && lines.length != labels.length) {
            throw new IllegalArgumentException(source + ": " + lines.length + " line numbers for " + labels.length
                    + " samples");
        }
        this.source = source;
        this.features = features;
        this.sampleShape = sampleShape.clone();
        this.labels = labels;
        this.lines = lines;
    }

    /** A data set without line information (built in memory, or from a binary file). */
    public static Dataset of(String source, float[] features, long[] sampleShape, float[] labels) {
        return new Dataset(source, features, sampleShape, labels, null);
    }

    /** A data set read from a text file; {@code lines[i]} is the 1-based line sample {@code i} came from. */
    public static Dataset fromText(String source, float[] features, long[] sampleShape, float[] labels, int[] lines) {
        return new Dataset(source, features, sampleShape, labels, lines);
    }

    /** Where the data came from, for messages: usually a file path. */
    public String source() {
        return source;
    }

    public int size() {
        return labels.length;
    }

    public long[] sampleShape() {
        return sampleShape.clone();
    }

    public int sampleSize() {
        return features.length / Math.max(1, labels.length);
    }

    /** The backing array, not a copy: the trainer hands it to the device without copying twice. */
    public float[] features() {
        return features;
    }

    /** The backing array, not a copy. */
    public float[] labels() {
        return labels;
    }

    /** "file line 17" for a text source, "file sample 17" otherwise; for messages about one sample. */
    public String describeRow(int index) {
        return lines != null ? source + " line " + lines[index] : source + " sample " + (index + 1);
    }

    /** The samples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        int width = sampleSize();
        float[] subsetFeatures = new float[indices.length * width];
        float[] subsetLabels = new float[indices.length];
        int[] subsetLines = lines == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * width, subsetFeatures, i * width, width);
            subsetLabels[i] = labels[indices[i]];
            if (subsetLines != null) {
                subsetLines[i] = lines[indices[i]];
            }
        }
        return new Dataset(source, subsetFeatures, sampleShape, subsetLabels, subsetLines);
    }

    /** The first {@code count} samples (all of them if there are fewer): for quick runs. */
    public Dataset limit(int count) {
        if (count >= size()) {
            return this;
        }
        int[] first = new int[Math.max(0, count)];
        Arrays.setAll(first, i -> i);
        return subset(first);
    }

    @Override
    public String toString() {
        return source + " (" + size() + " samples of shape " + Arrays.toString(sampleShape) + ")";
    }
}
