package dev.lamina.processor.model;

import dev.lamina.dsl.SplitMethod;
import dev.lamina.processor.diagnostics.Location;

import java.util.List;

/**
 * {@code @Split} as written: the shares of the data for the validation and the test set, how samples are
 * assigned, the seeds (each with its position, so a repeated one is reported where it is written) and whether
 * the test set is evaluated every epoch.
 */
public record SplitModel(
        Source source,
        double validation,
        double test,
        SplitMethod method,
        List<Seed> seeds,
        boolean testEveryEpoch) {

    public SplitModel {
        seeds = List.copyOf(seeds);
    }

    /** The seeds in the order written. */
    public List<Integer> seedValues() {
        return seeds.stream().map(Seed::value).toList();
    }

    /** Whether the run gets a validation set (a share out of range is reported on its own, not as none). */
    public boolean hasValidation() {
        return validation != 0;
    }

    /** One element of {@code seeds = {...}} and where it is written. */
    public record Seed(int value, Location location) {}
}
