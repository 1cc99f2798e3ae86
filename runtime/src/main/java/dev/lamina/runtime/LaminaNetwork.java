package dev.lamina.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import dev.lamina.dsl.Layer;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.layers.LayerBlock;
import dev.lamina.spec.StageSpec;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.ParameterSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A network built from an {@link Architecture} on DJL: one {@link SequentialBlock} of stages, each a
 * {@link SequentialBlock} of layers with PyTorch's semantics. Generated network classes delegate here.
 *
 * <p>The network owns an {@link NDManager} for its parameters; {@link #close()} frees them. Outputs of
 * {@link #forwardTrain} and {@link #forwardEval} belong to the manager of the input array, so the
 * caller controls their lifetime.
 *
 * <p><b>Threads.</b> Predictions ({@code predict*}, {@link #forwardEval}) may run from many threads at once
 * on one network. {@link #load}, {@link #restore} and {@link #close} may be called while they run: each
 * waits for the predictions in flight to finish and holds new ones back until it is done, so every
 * prediction sees one complete parameter set, never a mix, and no prediction touches freed memory; after
 * {@code close} a prediction fails with an {@link IllegalStateException}. Training ({@link #forwardTrain}
 * with an optimizer updating {@link #trainableArrays()} in place) is for one thread, with no predictions
 * from others meanwhile.
 */
public final class LaminaNetwork implements AutoCloseable {

    private static final String NETWORK_METADATA = "lamina.network";

    private final Architecture architecture;
    private final NDManager manager;
    private final SequentialBlock block;
    private final ParameterStore parameterStore;
    private final Map<String, Parameter> parameters;
    private final Map<String, Layer> stages;
    private final long outputWidth;
    private final long activationValuesPerSample;
    /** Read: a forward pass. Write: replacing or freeing the parameters. */
    private final ReentrantReadWriteLock access = new ReentrantReadWriteLock();
    /** Guarded by {@link #access}. */
    private boolean closed;

    private LaminaNetwork(Architecture architecture, Device device, Integer seed) {
        Engine engine = LaminaEngine.get();
        if (seed != null) {
            engine.setRandomSeed(seed);
        }
        this.architecture = architecture;
        this.manager = engine.newBaseManager(device);
        this.block = new SequentialBlock();
        List<List<LayerBlock>> layerBlocks = new ArrayList<>();
        for (StageSpec stage : architecture.stages()) {
            SequentialBlock stageBlock = new SequentialBlock();
            List<LayerBlock> blocks = new ArrayList<>();
            for (LayerSpec layer : stage.layers()) {
                LayerBlock layerBlock = architecture.blocks().build(layer);
                stageBlock.add(layerBlock.block());
                blocks.add(layerBlock);
            }
            block.add(stageBlock);
            layerBlocks.add(blocks);
        }
        Shape sampleBatch = batchShape(1);
        block.initialize(manager, DataType.FLOAT32, sampleBatch);
        this.outputWidth = block.getOutputShapes(new Shape[] {sampleBatch})[0].get(1);
        this.activationValuesPerSample = architecture.spec().activationValuesPerSample();
        this.parameterStore = new ParameterStore(manager, false);
        this.parameters = new LinkedHashMap<>();
        this.stages = new LinkedHashMap<>();
        nameParameters(layerBlocks);
    }

    /** Builds the network on the CPU with PyTorch's random initialisation. */
    public static LaminaNetwork create(Architecture architecture) {
        return new LaminaNetwork(architecture, Device.cpu(), null);
    }

    /** Builds the network on {@code device}; see {@link Devices#resolve(String)}. */
    public static LaminaNetwork create(Architecture architecture, Device device) {
        return new LaminaNetwork(architecture, device, null);
    }

    /** Builds the network on {@code device}, initialised reproducibly from {@code seed}. */
    public static LaminaNetwork create(Architecture architecture, Device device, int seed) {
        return new LaminaNetwork(architecture, device, seed);
    }

    /**
     * Names the blocks' parameters as the specs list them, and checks that DJL built exactly those, with
     * the specs' shapes: the specs are what the summary, the export and model files rely on.
     */
    private void nameParameters(List<List<LayerBlock>> layerBlocks) {
        for (int s = 0; s < architecture.stages().size(); s++) {
            StageSpec stage = architecture.stages().get(s);
            List<String> stageParameters = new ArrayList<>();
            for (LayerBlock layer : layerBlocks.get(s)) {
                for (Pair<String, Parameter> entry : layer.block().getDirectParameters()) {
                    String relative = layer.parameterNames().get(entry.getKey());
                    if (relative != null) {
                        String name = stage.name() + "." + relative;
                        parameters.put(name, entry.getValue());
                        stageParameters.add(name);
                    }
                }
            }
            stages.put(stage.name(), new NetworkStage(stage.name(), stageParameters));
        }
        for (ParameterSpec expected : architecture.spec().parameters()) {
            Parameter built = parameters.get(expected.name());
            if (built == null || !Arrays.equals(built.getArray().getShape().getShape(), expected.shape().toArray())
                    || built.requiresGradient() != expected.trainable()) {
                throw new IllegalStateException(name() + ": DJL built parameter " + expected.name() + " as "
                        + (built == null ? "nothing" : built.getArray().getShape()) + ", its spec says "
                        + expected.shape());
            }
        }
        if (parameters.size() != architecture.spec().parameters().size()) {
            throw new IllegalStateException(name() + ": DJL built parameters " + parameters.keySet()
                    + ", the specs list " + architecture.spec().parameters());
        }
    }

    public Architecture architecture() {
        return architecture;
    }

    public String name() {
        return architecture.name();
    }

    /** The DJL block, for code that trains or inspects it directly. */
    public Block block() {
        return block;
    }

    /** The manager that owns the parameters; arrays created from it live as long as the network. */
    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    /**
     * How many values one sample's forward pass creates, all layers' outputs together: what a batch
     * keeps alive until its scope closes (DJL frees intermediate arrays with their manager, not earlier).
     */
    public long activationValuesPerSample() {
        return activationValuesPerSample;
    }

    /** Number of outputs per sample. */
    public long outputWidth() {
        return outputWidth;
    }

    /** Forward pass in training mode: Dropout drops, BatchNorm uses and updates batch statistics. */
    public NDArray forwardTrain(NDArray input) {
        return forward(input, true);
    }

    /** Forward pass in eval mode: Dropout is off, BatchNorm uses its running statistics. */
    public NDArray forwardEval(NDArray input) {
        return forward(input, false);
    }

    private NDArray forward(NDArray input, boolean training) {
        checkInput(input.getShape());
        access.readLock().lock();
        try {
            checkOpen();
            return forwardHoldingLock(input, training);
        } finally {
            access.readLock().unlock();
        }
    }

    /** The forward pass itself, for callers that hold a lock of {@link #access} and have checked the input. */
    private NDArray forwardHoldingLock(NDArray input, boolean training) {
        return block.forward(parameterStore, new NDList(input), training).singletonOrThrow();
    }

    /** Called with a lock of {@link #access} held. */
    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(name() + " is closed; its parameters are freed");
        }
    }

    /**
     * Rejects an input whose sample shape differs from the network's, before it reaches native code.
     *
     * @throws IllegalArgumentException naming the network and both shapes
     */
    public void checkInput(Shape shape) {
        long[] expected = architecture.inputShape();
        long[] actual = shape.getShape();
        boolean matches =
                actual.length == expected.length + 1
                        && Arrays.equals(Arrays.copyOfRange(actual, 1, actual.length), expected);
        if (!matches) {
            throw new IllegalArgumentException(
                    name() + " expects input of shape " + Shapes.withBatch(expected)
                            + ", got " + Shapes.format(actual)
                            + (actual.length == expected.length
                                    ? " (missing the batch dimension? wrap one sample as a batch of 1)"
                                    : ""));
        }
        if (actual[0] < 1) {
            throw new IllegalArgumentException(name() + " got an empty batch " + Shapes.format(actual));
        }
    }

    /** The raw outputs (logits, unless the network ends with an activation) in eval mode. */
    public float[][] predictOutputs(float[][] samples) {
        return predict(samples, OutputTransform.NONE);
    }

    /**
     * Probabilities in eval mode, guessed from the output width: softmax over the outputs of a multi-class
     * network, sigmoid of a single logit; outputs of a network that already ends in Softmax or Sigmoid are
     * returned as they are. The width cannot tell several yes/no tasks (one sigmoid each) or regression targets
     * (no transform) from classes: for those, {@link #predictFor(float[][], TaskKind)} with the loss's kind.
     */
    public float[][] predictProbabilities(float[][] samples) {
        return predict(samples, OutputTransform.forNetwork(architecture.spec().lastLayer(), outputWidth));
    }

    /**
     * What a network trained for {@code kind} predicts, in eval mode: class probabilities (softmax) for {@link
     * TaskKind#CLASSES}, one probability per task (an independent sigmoid of each logit) for {@link
     * TaskKind#BINARY}, the raw outputs for {@link TaskKind#REGRESSION}. Outputs of a network that already ends
     * in Softmax or Sigmoid are returned as they are. {@code LossFunction.taskKind(loss)} gives the kind.
     */
    public float[][] predictFor(float[][] samples, TaskKind kind) {
        return predict(samples, OutputTransform.forKind(architecture.spec().lastLayer(), kind));
    }

    /**
     * The predicted class of each sample in eval mode: the index of the largest output, or for a single
     * output 1 when its probability is at least 0.5 and 0 otherwise.
     */
    public int[] predictClasses(float[][] samples) {
        float[][] probabilities = predictProbabilities(samples);
        int[] classes = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            classes[i] = outputWidth == 1 ? (probabilities[i][0] >= 0.5f ? 1 : 0) : argmax(probabilities[i]);
        }
        return classes;
    }

    private float[][] predict(float[][] samples, OutputTransform transform) {
        long[] sampleShape = architecture.inputShape();
        long width = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        float[] flat = new float[Math.multiplyExact(samples.length, (int) width)];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != width) {
                throw new IllegalArgumentException(
                        name() + " expects " + width + " values per sample, sample " + i + " has " + samples[i].length);
            }
            System.arraycopy(samples[i], 0, flat, (int) (i * width), (int) width);
        }
        float[] out;
        // The whole prediction under one read lock: the sub-manager belongs to the network's manager, which
        // close() frees.
        access.readLock().lock();
        // Without autograd, as under torch.no_grad(): the parameters require gradients, and libtorch's grad
        // mode is per thread and on by default in every thread but the one that started the engine, so a
        // caller's thread would otherwise record a graph for every prediction. Restored for the thread after.
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scope = openManager().newSubManager()) {
            NDArray input = scope.create(flat, batchShape(samples.length));
            out = transform.apply(forwardHoldingLock(input, false)).toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
            access.readLock().unlock();
        }
        float[][] rows = new float[samples.length][(int) outputWidth];
        for (int i = 0; i < samples.length; i++) {
            System.arraycopy(out, (int) (i * outputWidth), rows[i], 0, (int) outputWidth);
        }
        return rows;
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

    /** Parameter and running-statistic names in network order, as {@link #parameter} accepts them. */
    public List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    /**
     * A parameter's array, by Lamina name ({@code hidden1.weight}, {@code hidden1.bn.running_mean}).
     *
     * @throws IllegalArgumentException for an unknown name, suggesting the closest one
     */
    public NDArray parameter(String name) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            String suggestion = dev.lamina.spec.Names.closest(name, parameters.keySet())
                    .map(s -> " Did you mean '" + s + "'?")
                    .orElse("");
            throw new IllegalArgumentException(
                    name() + " has no parameter '" + name + "'." + suggestion + " Parameters: " + parameters.keySet());
        }
        return parameter.getArray();
    }

    /** Whether the named parameter is trained (weights, biases) rather than tracked (running statistics). */
    public boolean isTrainable(String name) {
        parameter(name);
        return parameters.get(name).requiresGradient();
    }

    /** The DJL parameters by Lamina name, in network order. */
    public Map<String, Parameter> djlParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The handle for the stage declared as field {@code name}. */
    public Layer stage(String name) {
        Layer stage = stages.get(name);
        if (stage == null) {
            throw new IllegalArgumentException(name() + " has no stage '" + name + "'; stages: " + stages.keySet());
        }
        return stage;
    }

    /** Number of trainable values (weights, biases, BatchNorm gamma and beta). */
    public long trainableParameterCount() {
        return parameters.values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    /** Number of tracked, not trained, values (BatchNorm running statistics). */
    public long nonTrainableParameterCount() {
        return parameters.values().stream()
                .filter(p -> !p.requiresGradient())
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    /**
     * Saves all parameters and running statistics as a safetensors file, atomically, under their Lamina
     * names (which are PyTorch's {@code state_dict} names for the same layers).
     */
    public void save(Path file) throws IOException {
        SafeTensors.write(file, Map.of(NETWORK_METADATA, name()), parameterTensors());
    }

    /** Copies of all parameters and running statistics, by Lamina name, for saving. */
    public Map<String, SafeTensors.Tensor> parameterTensors() {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            NDArray array = parameter.getArray();
            tensors.put(name, new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray()));
        });
        return tensors;
    }

    /** The metadata entry that records which network wrote a file. */
    public Map<String, String> fileMetadata() {
        return Map.of(NETWORK_METADATA, name());
    }

    /**
     * Loads parameters saved by {@link #save} (or written by PyTorch under the same names).
     *
     * @throws IncompatibleParametersException naming the first parameter that is missing, extra or of
     *     another shape; nothing is changed in that case
     * @throws dev.lamina.runtime.io.ParameterFileException if the file is not a readable parameter file
     */
    public void load(Path file) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file, ExpectedTensors.parametersOf(file, this));
        SafeTensors.requireFinite(file, contents.tensors());
        restore(file, contents.metadata(), contents.tensors());
    }

    /**
     * Sets every parameter from {@code tensors}, after checking that they are exactly this network's.
     *
     * @param origin the file they came from, for messages
     */
    public void restore(Path origin, Map<String, String> metadata, Map<String, SafeTensors.Tensor> tensors) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> shapes.put(name, tensor.shape()));
        checkCompatible(origin, metadata, shapes);
        access.writeLock().lock();
        try {
            checkOpen();
            parameters.forEach((name, parameter) ->
                    ArrayValues.overwrite(parameter.getArray(), tensors.get(name).data()));
        } finally {
            access.writeLock().unlock();
        }
    }

    /** The arrays of the trainable parameters by name, for an optimizer. */
    public Map<String, NDArray> trainableArrays() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            if (parameter.requiresGradient()) {
                arrays.put(name, parameter.getArray());
            }
        });
        return arrays;
    }

    /** Whether any stage normalises with batch statistics (then a training batch needs two samples). */
    public boolean hasBatchNorm() {
        return architecture.stages().stream()
                .flatMap(stage -> stage.layers().stream())
                .anyMatch(layer -> layer instanceof BatchNormSpec);
    }

    /**
     * Checks that {@code shapes} name exactly this network's parameters, with its shapes.
     *
     * @throws IncompatibleParametersException naming the first parameter that is missing, extra or of
     *     another shape
     */
    public void checkCompatible(Path file, Map<String, String> metadata, Map<String, long[]> shapes) {
        String writer = metadata.get(NETWORK_METADATA);
        String origin = writer == null ? "" : " (the file was written by network " + writer + ")";
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            long[] shape = shapes.get(entry.getKey());
            if (shape == null) {
                throw new IncompatibleParametersException(
                        cannotLoad(file) + "parameter '" + entry.getKey() + "' is missing from the file" + origin
                                + "; the file holds " + shapes.keySet());
            }
            long[] expected = entry.getValue().getArray().getShape().getShape();
            if (!Arrays.equals(expected, shape)) {
                throw new IncompatibleParametersException(
                        cannotLoad(file) + "parameter '" + entry.getKey() + "' has shape " + Shapes.format(shape)
                                + " in the file, but " + name() + " expects " + Shapes.format(expected) + origin);
            }
        }
        for (String name : shapes.keySet()) {
            checkKnown(file, name, origin);
        }
    }

    /** @throws IncompatibleParametersException if this network has no parameter {@code name} */
    public void checkKnown(Path file, String name) {
        checkKnown(file, name, "");
    }

    private void checkKnown(Path file, String name, String origin) {
        if (!parameters.containsKey(name)) {
            throw new IncompatibleParametersException(cannotLoad(file) + "the file holds parameter '" + name
                    + "', which " + name() + " does not have" + origin);
        }
    }

    private String cannotLoad(Path file) {
        return "Cannot load " + file + " into " + name() + ": ";
    }

    private Shape batchShape(long batch) {
        long[] sample = architecture.inputShape();
        long[] dims = new long[sample.length + 1];
        dims[0] = batch;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return new Shape(dims);
    }

    /** The parameters' manager, checked open; called with a lock of {@link #access} held. */
    private NDManager openManager() {
        checkOpen();
        return manager;
    }

    /** Frees the parameters, after the predictions in flight; closing twice does nothing. */
    @Override
    public void close() {
        access.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                manager.close();
            }
        } finally {
            access.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return name() + " " + parameters.keySet();
    }
}
