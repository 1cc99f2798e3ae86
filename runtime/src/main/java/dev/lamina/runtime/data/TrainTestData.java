package dev.lamina.runtime.data;

import java.util.Objects;
import java.util.Optional;

/**
 * What a data source loads: the samples a network trains on, the held-out test samples if the data comes with
 * them (MNIST's 10,000 test images), and how a raw input becomes a sample: the preprocessing the data source
 * fitted (on the training split) and applied, which the run saves in its model file.
 *
 * <p>Data without a fixed test set is returned {@link #unsplit}; the network's {@code @Split} then carves the
 * validation and test sets out of it, once per seed.
 *
 * @param test null when the data has no test set of its own
 * @param preprocessing empty when the samples are the raw inputs themselves
 */
public record TrainTestData(Dataset train, Dataset test, Optional<Preprocessing<?>> preprocessing) {

    public TrainTestData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(preprocessing, "preprocessing");
    }

    /** Data whose samples are the raw inputs. */
    public TrainTestData(Dataset train, Dataset test) {
        this(train, test, Optional.empty());
    }

    public TrainTestData(Dataset train, Dataset test, Preprocessing<?> preprocessing) {
        this(train, test, Optional.of(preprocessing));
    }

    /** All the data, to be split by the network's {@code @Split}. */
    public static TrainTestData unsplit(Dataset all) {
        return new TrainTestData(all, null, Optional.empty());
    }

    /** The test set, if the data has one of its own. */
    public Optional<Dataset> testSet() {
        return Optional.ofNullable(test);
    }

    /** The same sets, with the preprocessing that made them. */
    public TrainTestData withPreprocessing(Preprocessing<?> applied) {
        return new TrainTestData(train, test, applied);
    }
}
