package dev.lamina.runtime.data;

import java.io.IOException;

/**
 * Where a network's data comes from, declared once with {@code @Train(data = ...)} on the network.
 * Implementations need a public constructor without parameters; they use the loaders of this package.
 *
 * <p>The type argument is the raw input one sample is made from, what the trained model predicts from:
 * {@code float[]} for feature vectors and images, {@code String} for SMILES. The compiler reads it to give each
 * network a typed model class ({@code MnistMlpModel.load(file).predict(pixels)}); the preprocessing that turns
 * a raw input into a sample goes with the loaded data ({@link TrainTestData#preprocessing()}).
 *
 * @param <R> the raw input type
 */
public interface DataSource<R> {

    /**
     * Loads the training and test data.
     *
     * @param context where relative data paths are resolved
     * @throws IOException with the file (and line) at fault for missing or malformed data
     */
    TrainTestData load(DataContext context) throws IOException;
}
