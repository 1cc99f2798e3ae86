package dev.lamina.runtime.train;

import dev.lamina.dsl.SplitMethod;

import java.util.List;
import java.util.Objects;

/**
 * What {@code @Split} declares: the shares of the data for validation and test, how samples are assigned, the
 * seeds to repeat the run with, and whether the test set is also evaluated every epoch.
 *
 * @param validation share of the data for the validation set, in [0, 1)
 * @param test share of the data for the test set, in [0, 1); 0 keeps the data source's own test set
 * @param seeds one run per seed; empty for one run with the config's seed
 */
public record SplitSettings(double validation, double test, SplitMethod method, List<Integer> seeds,
        boolean testEveryEpoch) {

    public SplitSettings {
        Objects.requireNonNull(method, "method");
        seeds = List.copyOf(seeds);
    }

    /** 10% for validation at random, the data source's test set, one run. */
    public static SplitSettings validationOnly(double validation) {
        return new SplitSettings(validation, 0, SplitMethod.RANDOM, List.of(), false);
    }

    void validate() {
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("split: the validation share must be in [0, 1), got " + validation);
        }
        if (!(test >= 0 && test < 1)) {
            throw new IllegalArgumentException("split: the test share must be in [0, 1), got " + test);
        }
        if (!(validation + test < 1)) {
            throw new IllegalArgumentException("split: validation " + validation + " and test " + test
                    + " leave no training data; their sum must be below 1");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("split: the seeds " + seeds + " repeat a seed");
        }
    }
}
