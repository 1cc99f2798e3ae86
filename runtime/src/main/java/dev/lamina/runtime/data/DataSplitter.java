package dev.lamina.runtime.data;

import dev.lamina.dsl.SplitMethod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Splits a data set into training, validation and test sets (a first, random-only version). */
public final class DataSplitter {

    private DataSplitter() {}

    public static SplitSets split(Dataset data, SplitMethod method, double validation, double test, long seed) {
        if (method != SplitMethod.RANDOM) {
            throw new IllegalArgumentException(method + " splits are not available yet");
        }
        int n = data.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int testCount = (int) Math.ceil(test * n);
        int validationCount = (int) Math.ceil(validation * n);
        if (testCount + validationCount >= n) {
            throw new IllegalArgumentException(data.source() + ": " + n + " samples leave none for training");
        }
        int[] testRows = order.subList(0, testCount).stream().mapToInt(Integer::intValue).toArray();
        int[] validationRows = order.subList(testCount, testCount + validationCount).stream()
                .mapToInt(Integer::intValue).toArray();
        int[] trainRows = order.subList(testCount + validationCount, n).stream().mapToInt(Integer::intValue).toArray();
        return new SplitSets(data.subset(trainRows),
                validationCount == 0 ? Optional.empty() : Optional.of(data.subset(validationRows)),
                testCount == 0 ? Optional.empty() : Optional.of(data.subset(testRows)));
    }
}
