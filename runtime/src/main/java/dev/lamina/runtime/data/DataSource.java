package dev.lamina.runtime.data;

import java.io.IOException;

/**
 * Where a network's data comes from, declared once with {@code @Train(data = ...)} on the network.
 * Implementations need a public constructor without parameters; they use the loaders of this package.
 */
public interface DataSource {

    /**
     * Loads the training and test data.
     *
     * @param context where relative data paths are resolved
     * @throws IOException with the file (and line) at fault for missing or malformed data
     */
    TrainTestData load(DataContext context) throws IOException;
}
