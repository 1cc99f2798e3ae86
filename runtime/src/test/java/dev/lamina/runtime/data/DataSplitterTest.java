package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.SplitMethod;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DataSplitterTest {

    /** n samples whose one feature is their index, so a set's features are its row indices. */
    private static Dataset numbered(int n, float[] labels) {
        float[] index = new float[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return Dataset.of("numbers.csv", index, new long[] {1}, labels);
    }

    private static Dataset numbered(int n) {
        return numbered(n, new float[n]);
    }

    private static int[] rows(Dataset set) {
        float[] features = set.features();
        return IntStream.range(0, features.length).map(i -> (int) features[i]).toArray();
    }

    private static int[] rows(SplitSets sets, int part) {
        return switch (part) {
            case 0 -> rows(sets.train());
            case 1 -> sets.validation().map(DataSplitterTest::rows).orElse(new int[0]);
            default -> sets.test().map(DataSplitterTest::rows).orElse(new int[0]);
        };
    }

    /** Every row in exactly one set. */
    private static void assertPartition(int n, SplitSets sets) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(rows(sets, 0)), Arrays.stream(rows(sets, 1))),
                Arrays.stream(rows(sets, 2))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all);
    }

    private static void assertSameSets(SplitSets a, SplitSets b) {
        for (int part = 0; part < 3; part++) {
            assertArrayEquals(rows(a, part), rows(b, part));
        }
    }

    @Test
    void randomGivesRoundedUpCountsCoveringEveryRowOnce() {
        SplitSets sets = DataSplitter.split(numbered(101), SplitMethod.RANDOM, 0.1, 0.2, 7);

        assertEquals(11, sets.validation().orElseThrow().size()); // ceil(10.1)
        assertEquals(21, sets.test().orElseThrow().size()); // ceil(20.2)
        assertEquals(69, sets.train().size());
        assertPartition(101, sets);
    }

    @Test
    void randomIsReproducibleFromItsSeedAndDiffersBetweenSeeds() {
        Dataset data = numbered(200);
        SplitSets one = DataSplitter.split(data, SplitMethod.RANDOM, 0.1, 0.1, 1);

        assertSameSets(one, DataSplitter.split(data, SplitMethod.RANDOM, 0.1, 0.1, 1));
        assertFalse(Arrays.equals(rows(one, 2), rows(DataSplitter.split(data, SplitMethod.RANDOM, 0.1, 0.1, 2), 2)));
    }

    @Test
    void randomWithoutValidationIsTrainTestSplit() {
        Dataset data = numbered(2246);
        SplitSets sets = DataSplitter.split(data, SplitMethod.RANDOM, 0, 0.2, 1234);
        TrainTestData expected = TrainTestSplit.split(data, 0.2, 1234);

        assertTrue(sets.validation().isEmpty());
        assertArrayEquals(rows(expected.test()), rows(sets.test().orElseThrow()));
        assertArrayEquals(rows(expected.train()), rows(sets.train()));
    }

    @Test
    void aZeroShareLeavesThatSetOut() {
        SplitSets sets = DataSplitter.split(numbered(10), SplitMethod.RANDOM, 0.3, 0, 1);

        assertTrue(sets.test().isEmpty());
        assertEquals(3, sets.validation().orElseThrow().size());
        assertEquals(7, sets.train().size());
    }

    @Test
    void refusesSharesThatLeaveNothingToTrainOn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSplitter.split(numbered(3), SplitMethod.RANDOM, 0.4, 0.4, 1));
        assertEquals("numbers.csv: a validation share of 0.4 and a test share of 0.4 of 3 samples (2 and 2) leave"
                + " none for training; use smaller shares or more data", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DataSplitter.split(numbered(10), SplitMethod.RANDOM, -0.1, 0.2, 1));
    }

    @Test
    void stratifiedKeepsEachClassShareInEverySet() {
        float[] labels = new float[100];
        Arrays.fill(labels, 80, 100, 1f); // 80 inactive, 20 active
        SplitSets sets = DataSplitter.split(numbered(100, labels), SplitMethod.STRATIFIED, 0.1, 0.2, 3);

        assertEquals(List.of(56, 14), classCounts(sets.train()));
        assertEquals(List.of(8, 2), classCounts(sets.validation().orElseThrow()));
        assertEquals(List.of(16, 4), classCounts(sets.test().orElseThrow()));
        assertPartition(100, sets);
    }

    @Test
    void stratifiedGivesLeftoverSamplesToTheLargestRemainders() {
        float[] labels = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1}; // test 0.25 of 10: ceil(2.5) = 3 = 2.1 + 0.9
        SplitSets sets = DataSplitter.split(numbered(10, labels), SplitMethod.STRATIFIED, 0, 0.25, 1);

        assertEquals(List.of(2, 1), classCounts(sets.test().orElseThrow()));
        assertEquals(List.of(5, 2), classCounts(sets.train()));
    }

    @Test
    void stratifiedIsReproducibleAndSeedDependent() {
        float[] labels = new float[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3; // three classes
        }
        Dataset data = numbered(300, labels);
        SplitSets one = DataSplitter.split(data, SplitMethod.STRATIFIED, 0.1, 0.1, 1);

        assertSameSets(one, DataSplitter.split(data, SplitMethod.STRATIFIED, 0.1, 0.1, 1));
        assertFalse(Arrays.equals(rows(one, 2),
                rows(DataSplitter.split(data, SplitMethod.STRATIFIED, 0.1, 0.1, 2), 2)));
        assertEquals(List.of(10, 10, 10), classCounts(one.test().orElseThrow()));
    }

    @Test
    void stratifiedRefusesSeveralTasksAndMissingLabels() {
        Dataset twoTasks = Dataset.multiTask("tox21", new float[4], new long[] {2}, new float[] {0, 1, 1, 0},
                List.of("NR-AR", "SR-MMP"), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSplitter.split(twoTasks, SplitMethod.STRATIFIED, 0, 0.5, 1));
        assertTrue(e.getMessage().startsWith("tox21: a stratified split needs one label per sample"), e.getMessage());
        assertTrue(e.getMessage().contains("[NR-AR, SR-MMP]"), e.getMessage());

        Dataset missing = numbered(4, new float[] {0, 1, Float.NaN, 0});
        e = assertThrows(IllegalArgumentException.class,
                () -> DataSplitter.split(missing, SplitMethod.STRATIFIED, 0, 0.5, 1));
        assertTrue(e.getMessage().startsWith("numbers.csv sample 3: a stratified split needs a class"),
                e.getMessage());
    }

    @Test
    void scaffoldNeedsGroups() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSplitter.split(numbered(10), SplitMethod.SCAFFOLD, 0.1, 0.1, 1));
        assertEquals("numbers.csv: a scaffold split needs molecules; load them with SmilesData, which records each"
                + " molecule's Bemis-Murcko scaffold", e.getMessage());
    }

    /** 40 molecules on scaffold "big", 15 on "mid", 45 on scaffolds of their own. */
    private static Dataset scaffolds() {
        String[] keys = new String[100];
        for (int i = 0; i < 100; i++) {
            keys[i] = i % 2 == 0 && i < 80 ? "big" : i % 2 == 1 && i < 30 ? "mid" : "single" + i;
        }
        return numbered(100).withGroups(keys);
    }

    @Test
    void scaffoldPutsBigGroupsInTrainingAndNeverSplitsAGroup() {
        Dataset data = scaffolds();
        String[] keys = data.groups().orElseThrow();
        for (long seed = 1; seed <= 5; seed++) {
            SplitSets sets = DataSplitter.split(data, SplitMethod.SCAFFOLD, 0.1, 0.1, seed);

            assertEquals(80, sets.train().size());
            assertEquals(10, sets.validation().orElseThrow().size());
            assertEquals(10, sets.test().orElseThrow().size());
            assertPartition(100, sets);
            Map<String, Integer> setOf = new HashMap<>();
            for (int part = 0; part < 3; part++) {
                for (int row : rows(sets, part)) {
                    Integer before = setOf.putIfAbsent(keys[row], part);
                    assertTrue(before == null || before == part, keys[row] + " is in two sets");
                }
            }
            assertEquals(0, setOf.get("big"));
            assertEquals(0, setOf.get("mid")); // 15 > 10 / 2: big, so first
        }
    }

    @Test
    void scaffoldIsReproducibleAndSeedDependent() {
        Dataset data = scaffolds();
        SplitSets one = DataSplitter.split(data, SplitMethod.SCAFFOLD, 0.1, 0.1, 1);

        assertSameSets(one, DataSplitter.split(data, SplitMethod.SCAFFOLD, 0.1, 0.1, 1));
        assertFalse(Arrays.equals(rows(one, 2), rows(DataSplitter.split(data, SplitMethod.SCAFFOLD, 0.1, 0.1, 2), 2)));
    }

    @Test
    void scaffoldRefusesASplitThatLeavesASetEmpty() {
        String[] oneScaffold = new String[20];
        Arrays.fill(oneScaffold, "c1ccccc1");
        Dataset data = numbered(20).withGroups(oneScaffold);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSplitter.split(data, SplitMethod.SCAFFOLD, 0.1, 0.1, 1));
        assertEquals("numbers.csv: the scaffold split of 20 samples leaves the training set empty (training 0,"
                + " validation 0, test 20); too few scaffolds hold too many molecules: use a random split or more"
                + " varied molecules", e.getMessage());
    }

    private static List<Integer> classCounts(Dataset set) {
        int[] counts = new int[3];
        for (float label : set.labels()) {
            counts[(int) label]++;
        }
        return counts[2] > 0 ? List.of(counts[0], counts[1], counts[2]) : List.of(counts[0], counts[1]);
    }
}
