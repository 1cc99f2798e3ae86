package dev.lamina.runtime.data;

import java.util.Optional;

/**
 * The samples a network trains on, the held-out samples it is evaluated on, and how a raw input becomes a
 * sample: the preprocessing the data source fitted (on the training split) and applied to both sets, which
 * the run saves in its model file.
 *
 * @param preprocessing empty when the samples are the raw inputs themselves
 */
public record TrainTestData(Dataset train, Dataset test, Optional<Preprocessing<?>> preprocessing) {

    /** Data whose samples are the raw inputs. */
    public TrainTestData(Dataset train, Dataset test) {
        this(train, test, Optional.empty());
    }

    public TrainTestData(Dataset train, Dataset test, Preprocessing<?> preprocessing) {
        this(train, test, Optional.of(preprocessing));
    }

    /** The same sets, with the preprocessing that made them. */
    public TrainTestData withPreprocessing(Preprocessing<?> applied) {
        return new TrainTestData(train, test, applied);
    }
}
