package dev.lamina.runtime.data;

import java.util.Map;

/**
 * How one raw input becomes the features a network was trained on: fitted by the data source on the
 * training split, applied in training, saved in the model file and applied again at prediction, so a model
 * predicts from raw input and a forgotten step cannot give quietly wrong predictions.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every predicting thread.
 *
 * @param <R> the raw input: {@code float[]} for feature vectors, {@code String} for SMILES
 */
public interface Preprocessing<R> {

    /** The name a model file stores it under; {@link PreprocessingKind} finds the reader by it. */
    String kind();

    /** The raw input type, so a model can say what it takes. */
    Class<R> rawType();

    /** The number of features {@link #apply} produces. */
    int featureCount();

    /**
     * The features of one raw input.
     *
     * @throws InvalidInputException naming what is wrong with the input (wrong width, unparsable SMILES)
     */
    float[] apply(R raw);

    /** Its fitted values as a JSON tree (maps, lists, strings, numbers), read back by its {@link PreprocessingKind}. */
    Map<String, Object> parameters();
}
