package dev.lamina.runtime.model;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.data.Preprocessing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A trained model loaded from its model file, predicting from raw input: pixels for MNIST, a SMILES string
 * for Tox21. The file's preprocessing is applied first, exactly as in training.
 *
 * <pre>{@code
 * try (LaminaModel<float[]> model = LaminaModel.load(Path.of("MnistMlp.lamina.safetensors"), float[].class)) {
 *     Prediction digit = model.predict(pixels);   // pixels: the 784 raw values of one image
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One instance serves many threads: {@code predict} may run concurrently. {@link #reload}
 * and {@link #close} may be called while predictions run; they wait for the predictions in flight and hold
 * new ones back, so every prediction uses one model file's weights and preprocessing together, never a mix,
 * and after {@code close} predictions fail with an {@link IllegalStateException}.
 *
 * @param <R> the raw input type
 */
public final class LaminaModel<R> implements AutoCloseable {

    private final Class<R> rawType;
    private final LaminaNetwork network;
    private final ReentrantReadWriteLock access = new ReentrantReadWriteLock();
    /** Guarded by {@link #access}. */
    private ModelFile.Contents contents;
    /** Guarded by {@link #access}. */
    private Preprocessing<R> preprocessing;
    /** Guarded by {@link #access}. */
    private boolean closed;

    private LaminaModel(Class<R> rawType, ModelFile.Contents contents, Path file) {
        this.rawType = rawType;
        this.network = LaminaNetwork.create(contents.architecture(), Device.cpu());
        try {
            install(contents, file);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * Loads a model file whose raw input is {@code rawType}: {@code float[].class} for feature vectors and
     * images, {@code String.class} for SMILES.
     *
     * @throws ModelFileException if the file is no model file (a checkpoint, a parameter file), or its raw
     *     input is another type; the message says what to pass
     */
    public static <R> LaminaModel<R> load(Path file, Class<R> rawType) throws IOException {
        return new LaminaModel<>(rawType, ModelFile.read(file), file);
    }

    /** Loads a model file whatever its raw input; {@link #rawType()} says which it is. */
    public static LaminaModel<?> load(Path file) throws IOException {
        ModelFile.Contents contents = ModelFile.read(file);
        return new LaminaModel<>(contents.preprocessing().rawType(), contents, file);
    }

    /**
     * Loads a model file of the network {@code expected} describes, as the generated {@code <Name>Model.load}
     * does: a model of another network, or of an earlier version of this one whose layers differ, is refused.
     *
     * @throws ModelFileException naming both networks
     */
    public static <R> LaminaModel<R> load(Path file, Class<R> rawType, Architecture expected) throws IOException {
        ModelFile.Contents contents = ModelFile.read(file);
        if (!contents.architecture().spec().equals(expected.spec())) {
            String found = contents.architecture().name();
            throw new ModelFileException(file + (found.equals(expected.name())
                    ? " is a model of an earlier " + found + " whose layers differ from the compiled network's;"
                            + " train it again, or load the file with LaminaModel.load(file, type)"
                    : " is a model of network " + found + ", not of " + expected.name() + "; pass "
                            + ModelFile.fileName(expected.name()) + " from a run of " + expected.name()));
        }
        return new LaminaModel<>(rawType, contents, file);
    }

    private void install(ModelFile.Contents loaded, Path file) {
        if (loaded.preprocessing().rawType() != rawType) {
            throw new ModelFileException(file + " is a model of " + loaded.architecture().name() + " that predicts from "
                    + loaded.preprocessing().rawType().getSimpleName() + " input; load it with "
                    + loaded.preprocessing().rawType().getSimpleName() + ".class, not " + rawType.getSimpleName()
                    + ".class");
        }
        network.restore(file, Map.of(), loaded.tensors());
        @SuppressWarnings("unchecked")
        Preprocessing<R> typed = (Preprocessing<R>) loaded.preprocessing();
        this.preprocessing = typed;
        this.contents = loaded;
    }

    /**
     * Replaces weights and preprocessing with those of another model file of the same network, as one step:
     * predictions in flight finish with the old model, later ones use the new one.
     *
     * @throws ModelFileException if the file is no model file, or one of another network or input type;
     *     the model is then unchanged
     */
    public void reload(Path file) throws IOException {
        ModelFile.Contents loaded = ModelFile.read(file);
        if (!loaded.architecture().spec().equals(network.architecture().spec())) {
            throw new ModelFileException(file + " is a model of another architecture (" + loaded.architecture().name()
                    + "); reload takes a model of " + network.name() + " as it is, or load it as a new model");
        }
        access.writeLock().lock();
        try {
            checkOpen();
            install(loaded, file);
        } finally {
            access.writeLock().unlock();
        }
    }

    /**
     * The prediction for one raw input.
     *
     * @throws InvalidInputException naming what is wrong with the input
     * @throws IllegalStateException after {@link #close}
     */
    public Prediction predict(R raw) {
        return predict(List.of(raw)).get(0);
    }

    /**
     * Predictions for many raw inputs in one forward pass, in order.
     *
     * @throws InvalidInputException naming the first input (by index) that cannot be predicted
     */
    public List<Prediction> predict(List<R> raws) {
        if (raws.isEmpty()) {
            return List.of();
        }
        access.readLock().lock();
        try {
            checkOpen();
            float[][] features = new float[raws.size()][];
            for (int i = 0; i < features.length; i++) {
                try {
                    features[i] = preprocessing.apply(raws.get(i));
                } catch (InvalidInputException e) {
                    throw raws.size() == 1 ? e : new InvalidInputException("input " + i + ": " + e.getMessage(), e);
                }
            }
            float[][] probabilities = network.predictProbabilities(features);
            List<Prediction> predictions = new ArrayList<>(probabilities.length);
            for (float[] row : probabilities) {
                predictions.add(contents.loss() == Loss.BCE_WITH_LOGITS
                        ? new Prediction(row[0] >= 0.5f ? 1 : 0, new float[] {1 - row[0], row[0]})
                        : new Prediction(argmax(row), row));
            }
            return predictions;
        } finally {
            access.readLock().unlock();
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the model " + network.name() + " is closed");
        }
    }

    public Class<R> rawType() {
        return rawType;
    }

    public String networkName() {
        return network.name();
    }

    /** What the file records: which weights (best or last), epoch, metrics, Lamina version, SHA-256. */
    public ModelFile.Contents contents() {
        access.readLock().lock();
        try {
            return contents;
        } finally {
            access.readLock().unlock();
        }
    }

    /** Frees the network, after the predictions in flight; closing twice does nothing. */
    @Override
    public void close() {
        access.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                network.close();
            }
        } finally {
            access.writeLock().unlock();
        }
    }
}
