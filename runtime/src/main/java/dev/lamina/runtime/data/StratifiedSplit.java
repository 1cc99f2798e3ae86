package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * At random within each class, so that every set keeps the class proportions of the whole: sklearn's
 * {@code train_test_split(stratify=y)}, for one label per sample (a class index, or a 0/1 task).
 *
 * <pre>
 * classes    = the distinct labels, ascending; members(c) = the rows of class c, ascending
 * testOf     = largestRemainder(testCount, sizes, capacity = sizes)
 * validOf    = largestRemainder(validationCount, sizes, capacity = sizes - testOf)
 * random     = new Random(seed)
 * for c in classes:  Collections.shuffle(members(c), random)
 *                    test += first testOf[c]; validation += next validOf[c]; train += the rest
 * each set sorted ascending
 * </pre>
 *
 * {@code largestRemainder(total, sizes, capacity)} gives class c {@code floor(total * size_c / n)} (at most its
 * capacity), then hands the samples still missing out one at a time in order of decreasing remainder
 * {@code (total * size_c) mod n}, ties to the smaller class label, skipping full classes, round after round.
 */
final class StratifiedSplit {

    private StratifiedSplit() {}

    static SplitRows rows(Dataset data, SplitCounts counts, long seed) {
        List<List<Integer>> classes = new ArrayList<>(classMembers(data).values());
        int[] sizes = classes.stream().mapToInt(List::size).toArray();
        int[] testOf = largestRemainder(counts.test(), sizes, sizes);
        int[] left = new int[sizes.length];
        Arrays.setAll(left, c -> sizes[c] - testOf[c]);
        int[] validationOf = largestRemainder(counts.validation(), sizes, left);
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Integer> members = DataSplitter.shuffled(classes.get(c), random);
            test.addAll(members.subList(0, testOf[c]));
            validation.addAll(members.subList(testOf[c], testOf[c] + validationOf[c]));
            train.addAll(members.subList(testOf[c] + validationOf[c], members.size()));
        }
        return new SplitRows(sorted(train), sorted(validation), sorted(test));
    }

    /** Rows by class label, labels ascending; refuses what has no single class per sample. */
    private static TreeMap<Float, List<Integer>> classMembers(Dataset data) {
        if (data.labelWidth() != 1) {
            throw new IllegalArgumentException(data.source() + ": a stratified split needs one label per sample"
                    + " (a class or one yes/no task), but this data has " + data.labelWidth() + " label columns"
                    + (data.taskNames().isEmpty() ? "" : " " + data.taskNames())
                    + "; use a random split, or a scaffold split for molecules");
        }
        float[] labels = data.labels();
        TreeMap<Float, List<Integer>> classes = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            float label = labels[i];
            if (Float.isNaN(label) || label < 0 || label != Math.rint(label)) {
                throw new IllegalArgumentException(data.describeRow(i) + ": a stratified split needs a class"
                        + " index or 0/1 label on every sample, found " + label + "; use a random split for"
                        + (Float.isNaN(label) ? " data with missing labels" : " numeric targets"));
            }
            // + 0f turns -0.0 into 0.0, one class.
            classes.computeIfAbsent(label + 0f, key -> new ArrayList<>()).add(i);
        }
        return classes;
    }

    /** The count for each class, as the class Javadoc says. */
    static int[] largestRemainder(int total, int[] sizes, int[] capacity) {
        long n = Arrays.stream(sizes).asLongStream().sum();
        int[] quota = new int[sizes.length];
        int given = 0;
        for (int c = 0; c < sizes.length; c++) {
            quota[c] = (int) Math.min(capacity[c], total * (long) sizes[c] / n);
            given += quota[c];
        }
        Integer[] order = new Integer[sizes.length];
        Arrays.setAll(order, c -> c);
        // Stable sort: equal remainders keep class order.
        Arrays.sort(order, (a, b) -> Long.compare(total * (long) sizes[b] % n, total * (long) sizes[a] % n));
        boolean progress = true;
        while (given < total && progress) {
            progress = false;
            for (int c : order) {
                if (given < total && quota[c] < capacity[c]) {
                    quota[c]++;
                    given++;
                    progress = true;
                }
            }
        }
        return quota;
    }

    private static int[] sorted(List<Integer> rows) {
        int[] array = DataSplitter.toArray(rows);
        Arrays.sort(array);
        return array;
    }
}
