package dev.lamina.runtime.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Samples and labels held in Java arrays, ready to be copied to the device once: {@code features} holds
 * {@code size()} samples of {@code sampleShape} each, row-major; {@code labels} holds {@link #labelWidth()}
 * labels per sample, row-major: a class index (as a whole number), a 0/1 target per task (NaN where a task's
 * label is missing), or regression targets.
 *
 * <p>Besides the numbers a data set may know the names of its tasks ({@link #taskNames()}, one per label
 * column), the names of its classes ({@link #classNames()}, when labels were text), and a group key per sample
 * ({@link #groups()}: a molecule's scaffold) that a group split keeps together.
 *
 * <p>Each row remembers where it came from ({@link #describeRow}), so a bad label found later can still
 * be reported with its file and line.
 */
public final class Dataset {

    private final String source;
    private final float[] features;
    private final long[] sampleShape;
    private final float[] labels;
    private final int labelWidth;
    private final int[] lines;
    private final List<String> taskNames;
    private final List<String> classNames;
    private final String[] groups;

    private Dataset(String source, float[] features, long[] sampleShape, float[] labels, int labelWidth, int[] lines,
            List<String> taskNames, List<String> classNames, String[] groups) {
        long sampleSize = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        if (labelWidth < 1 || labels.length % labelWidth != 0) {
            throw new IllegalArgumentException(source + ": " + labels.length + " labels do not make rows of "
                    + labelWidth);
        }
        int size = labels.length / labelWidth;
        if (sampleSize <= 0 || features.length != (long) size * sampleSize) {
            throw new IllegalArgumentException(source + ": " + features.length + " feature values do not make "
                    + size + " samples of shape " + Arrays.toString(sampleShape));
        }
        if (lines != null && lines.length != size) {
            throw new IllegalArgumentException(source + ": " + lines.length + " line numbers for " + size
                    + " samples");
        }
        if (!taskNames.isEmpty() && taskNames.size() != labelWidth) {
            throw new IllegalArgumentException(source + ": " + taskNames.size() + " task names for " + labelWidth
                    + " labels per sample");
        }
        if (groups != null && groups.length != size) {
            throw new IllegalArgumentException(source + ": " + groups.length + " groups for " + size + " samples");
        }
        this.source = source;
        this.features = features;
        this.sampleShape = sampleShape.clone();
        this.labels = labels;
        this.labelWidth = labelWidth;
        this.lines = lines;
        this.taskNames = List.copyOf(taskNames);
        this.classNames = List.copyOf(classNames);
        this.groups = groups;
    }

    /** A data set with one label per sample, without line information (built in memory, or from a binary file). */
    public static Dataset of(String source, float[] features, long[] sampleShape, float[] labels) {
        return new Dataset(source, features, sampleShape, labels, 1, null, List.of(), List.of(), null);
    }

    /** A data set read from a text file; {@code lines[i]} is the 1-based line sample {@code i} came from. */
    public static Dataset fromText(String source, float[] features, long[] sampleShape, float[] labels, int[] lines) {
        return new Dataset(source, features, sampleShape, labels, 1, lines, List.of(), List.of(), null);
    }

    /**
     * A data set with one label per task and sample: {@code labels[i * tasks.size() + t]} is task {@code t} of
     * sample {@code i}, NaN when missing.
     *
     * @param lines the 1-based line each sample came from, or null
     */
    public static Dataset multiTask(String source, float[] features, long[] sampleShape, float[] labels,
            List<String> tasks, int[] lines) {
        return new Dataset(source, features, sampleShape, labels, tasks.size(), lines, tasks, List.of(), null);
    }

    /** The same samples, whose labels are indices into {@code names}: the classes, as the data wrote them. */
    public Dataset withClassNames(List<String> names) {
        return new Dataset(source, features, sampleShape, labels, labelWidth, lines, taskNames,
                Objects.requireNonNull(names, "names"), groups);
    }

    /** The same samples, each with a group key that a group (scaffold) split keeps in one set. */
    public Dataset withGroups(String[] keys) {
        return new Dataset(source, features, sampleShape, labels, labelWidth, lines, taskNames, classNames,
                keys.clone());
    }

    /** Where the data came from, for messages: usually a file path. */
    public String source() {
        return source;
    }

    public int size() {
        return labels.length / labelWidth;
    }

    public long[] sampleShape() {
        return sampleShape.clone();
    }

    public int sampleSize() {
        return features.length / Math.max(1, size());
    }

    /** The labels per sample: 1, or the number of tasks. */
    public int labelWidth() {
        return labelWidth;
    }

    /** The name of each label column; empty when the data set has one unnamed label. */
    public List<String> taskNames() {
        return taskNames;
    }

    /** The class names labels index into; empty when the labels were numbers in the data. */
    public List<String> classNames() {
        return classNames;
    }

    /** The group key of each sample, for group splits; empty when the data set has none. */
    public Optional<String[]> groups() {
        return Optional.ofNullable(groups);
    }

    /** The backing array, not a copy: the trainer hands it to the device without copying twice. */
    public float[] features() {
        return features;
    }

    /** The backing array, not a copy: {@link #labelWidth()} values per sample. */
    public float[] labels() {
        return labels;
    }

    /** "file line 17" for a text source, "file sample 17" otherwise; for messages about one sample. */
    public String describeRow(int index) {
        return lines != null ? source + " line " + lines[index] : source + " sample " + (index + 1);
    }

    /** The samples at {@code indices}, in that order, with their labels, lines and groups. */
    public Dataset subset(int[] indices) {
        int width = sampleSize();
        float[] subsetFeatures = new float[indices.length * width];
        float[] subsetLabels = new float[indices.length * labelWidth];
        int[] subsetLines = lines == null ? null : new int[indices.length];
        String[] subsetGroups = groups == null ? null : new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * width, subsetFeatures, i * width, width);
            System.arraycopy(labels, indices[i] * labelWidth, subsetLabels, i * labelWidth, labelWidth);
            if (subsetLines != null) {
                subsetLines[i] = lines[indices[i]];
            }
            if (subsetGroups != null) {
                subsetGroups[i] = groups[indices[i]];
            }
        }
        return new Dataset(source, subsetFeatures, sampleShape, subsetLabels, labelWidth, subsetLines, taskNames,
                classNames, subsetGroups);
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
        return source + " (" + size() + " samples of shape " + Arrays.toString(sampleShape)
                + (labelWidth > 1 ? ", " + labelWidth + " labels each" : "") + ")";
    }
}
