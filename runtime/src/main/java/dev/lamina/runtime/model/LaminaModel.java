package dev.lamina.runtime.model;

import ai.djl.Device;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.spec.contract.TaskKind;

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
 * <p>What a prediction is follows from the loss the model was trained with ({@link #outputs()}): a classifier
 * (cross-entropy) or a model of one yes/no task (BCE-with-logits, one logit) predicts a class, {@link
 * #predict(Object)}; a model of several yes/no tasks (the 12 Tox21 assays) predicts one probability per task
 * and a regression one value per target, {@link #predictOutputs(Object)}, named by {@link #outputNames()}:
 *
 * <pre>{@code
 * float[] p = tox21.predictOutputs("CC(=O)Oc1ccccc1C(=O)O");   // p[t]: P(active in assay t), a sigmoid each
 * List<String> assays = tox21.outputNames();                   // [NR-AR, NR-AR-LBD, ..., SR-p53]
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
     * The prediction for one raw input of a classifier, or of a model of one yes/no task: the class and each
     * class's probability (for one task P(0) and P(1)), with the class names when the training labels were
     * text.
     *
     * @throws UnsupportedOperationException for a model of several yes/no tasks or a regression, which predicts
     *     one value per output: call {@link #predictOutputs(Object)}
     * @throws InvalidInputException naming what is wrong with the input
     * @throws IllegalStateException after {@link #close}
     */
    public Prediction predict(R raw) {
        return predict(List.of(raw)).get(0);
    }

    /**
     * Predictions for many raw inputs in one forward pass, in order; see {@link #predict(Object)}.
     *
     * @throws InvalidInputException naming the first input (by index) that cannot be predicted
     */
    public List<Prediction> predict(List<R> raws) {
        requireOneClass(outputs());
        return predictions(forward(raws));
    }

    /**
     * What the model predicts for one raw input, one value per output ({@link #outputNames()} names them), as
     * {@code torch.sigmoid(model(x))} or {@code model(x)} gives it in PyTorch:
     *
     * <ul>
     *   <li>several (or one) yes/no tasks, BCE-with-logits: the probability of each task, an independent
     *       sigmoid of its logit (12 values for the 12 Tox21 assays, which need not sum to 1);
     *   <li>regression (MSE, L1, Huber): the predicted value of each target, the network's raw outputs;
     *   <li>classes, cross-entropy: the probability of each class (softmax), as {@link Prediction#probabilities()}.
     * </ul>
     *
     * @throws InvalidInputException naming what is wrong with the input
     * @throws IllegalStateException after {@link #close}
     */
    public float[] predictOutputs(R raw) {
        return predictOutputs(List.of(raw))[0];
    }

    /**
     * {@link #predictOutputs(Object)} for many raw inputs in one forward pass: one row per input, in order.
     *
     * @throws InvalidInputException naming the first input (by index) that cannot be predicted
     */
    public float[][] predictOutputs(List<R> raws) {
        return forward(raws).values();
    }

    /** One forward pass's outputs with what they meant then: a {@link #reload} may change the meaning later. */
    record Outputs(float[][] values, ModelOutputs meaning) {}

    /** The outputs for {@code raws}, transformed as the model's loss says, under one read lock. */
    Outputs forward(List<R> raws) {
        access.readLock().lock();
        try {
            checkOpen();
            ModelOutputs meaning = contents.outputs();
            if (raws.isEmpty()) {
                return new Outputs(new float[0][], meaning);
            }
            float[][] features = new float[raws.size()][];
            for (int i = 0; i < features.length; i++) {
                try {
                    features[i] = preprocessing.apply(raws.get(i));
                } catch (InvalidInputException e) {
                    throw raws.size() == 1 ? e : new InvalidInputException("input " + i + ": " + e.getMessage(), e);
                }
            }
            return new Outputs(network.predictFor(features, meaning.kind()), meaning);
        } finally {
            access.readLock().unlock();
        }
    }

    /** The class predictions of one forward pass. */
    static List<Prediction> predictions(Outputs outputs) {
        ModelOutputs meaning = outputs.meaning();
        requireOneClass(meaning);
        List<Prediction> predictions = new ArrayList<>(outputs.values().length);
        for (float[] row : outputs.values()) {
            predictions.add(meaning.kind() == TaskKind.BINARY
                    ? new Prediction(row[0] >= 0.5f ? 1 : 0, new float[] {1 - row[0], row[0]})
                    : new Prediction(argmax(row), row, meaning.names()));
        }
        return predictions;
    }

    static void requireOneClass(ModelOutputs meaning) {
        if (!meaning.predictsOneClass()) {
            throw new UnsupportedOperationException("the model predicts " + meaning.describe() + ", not one class;"
                    + " call predictOutputs(input) for " + (meaning.kind() == TaskKind.BINARY
                            ? "the probability of each task" : "the predicted value of each target")
                    + " (outputNames() names them)");
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

    /** What the outputs mean: classes, yes/no tasks or regression targets, how many, and their names. */
    public ModelOutputs outputs() {
        return contents().outputs();
    }

    /** What the model predicts: classes, yes/no tasks or numbers; its loss decides. */
    public TaskKind kind() {
        return outputs().kind();
    }

    /**
     * The name of each value {@link #predictOutputs(Object)} gives: the class names, task names or target names
     * the training data had, or {@code "0"}, {@code "1"}, ... when it had none.
     */
    public List<String> outputNames() {
        return outputs().labels();
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
