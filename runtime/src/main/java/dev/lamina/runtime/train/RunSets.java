package dev.lamina.runtime.train;

import dev.lamina.runtime.data.DataSplitter;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.SplitSets;
import dev.lamina.runtime.data.TrainTestData;

import java.util.Optional;

/**
 * The sets one run uses: the data source's sets with the network's {@code @Split} applied from the run's seed.
 * {@code @Split} carves what the data does not have out of its training data: a validation set always (when its
 * share is above 0), a test set only when the data source has none of its own.
 */
record RunSets(Dataset train, Optional<Dataset> validation, Optional<Dataset> test) {

    static RunSets of(TrainTestData data, Optional<SplitSettings> split, long seed) {
        if (split.isEmpty()) {
            return new RunSets(data.train(), Optional.empty(), data.testSet());
        }
        SplitSettings settings = split.get();
        if (data.testSet().isPresent()) {
            if (settings.test() > 0) {
                throw new TrainingException("the data source already has a test set (" + data.test().source()
                        + "), so @Split(test = " + settings.test() + ") would make a second one; remove test from"
                        + " @Split, or return all the data with TrainTestData.unsplit");
            }
            SplitSets parts = DataSplitter.split(data.train(), settings.method(), settings.validation(), 0, seed);
            return new RunSets(parts.train(), parts.validation(), data.testSet());
        }
        SplitSets parts = DataSplitter.split(data.train(), settings.method(), settings.validation(), settings.test(),
                seed);
        return new RunSets(parts.train(), parts.validation(), parts.test());
    }
}
