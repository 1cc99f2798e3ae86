package dev.lamina.runtime.graph;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import dev.lamina.runtime.ArrayValues;
import dev.lamina.runtime.IncompatibleParametersException;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.io.SafeTensorsHeader;
import dev.lamina.runtime.layers.BlockFactory;
import dev.lamina.runtime.layers.DjlBlocks;
import dev.lamina.runtime.layers.LayerBlock;
import dev.lamina.spec.Names;
import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphShapes;
import dev.lamina.spec.graph.GraphSpec;
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

/**
 * A {@link GraphSpec} on DJL: each node is a {@link SequentialBlock} of the blocks {@link DjlBlocks} builds for
 * a straight network's stage (PyTorch's semantics and initialisation), and {@link #forwardTrain} / {@link
 * #forwardEval} run the nodes in order, merging sources and adding residual inputs as the graph says.
 * Parameters have the spec's names ({@code block1.weight}), which are the PyTorch {@code state_dict} names of a
 * module with one submodule per node.
 *
 * <p>The network owns an {@link NDManager} for its parameters; {@link #close()} frees them. Outputs belong to
 * the inputs' manager. For one thread; no locking, unlike {@code LaminaNetwork}.
 */
public final class GraphNetwork implements AutoCloseable {

    private static final String NETWORK_METADATA = "lamina.network";

    private final GraphSpec spec;
    private final GraphShapes shapes;
    private final NDManager manager;
    private final ParameterStore parameterStore;
    private final Map<String, SequentialBlock> blocks = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    private GraphNetwork(GraphSpec spec, BlockFactory factory, Device device, Integer seed) {
        this.shapes = GraphShapes.infer(spec).requireValid(spec.name());
        Engine engine = LaminaEngine.get();
        if (seed != null) {
            engine.setRandomSeed(seed);
        }
        this.spec = spec;
        this.manager = engine.newBaseManager(device);
        this.parameterStore = new ParameterStore(manager, false);
        Map<String, Shape> known = new LinkedHashMap<>();
        spec.inputs().forEach(input -> known.put(input.name(), input.shape()));
        known.putAll(shapes.shapes());
        for (int i = 0; i < spec.nodes().size(); i++) {
            GraphNode node = spec.nodes().get(i);
            Shape in = GraphWiring.mergedShape(node.merge(), spec.sources(i).stream().map(known::get).toList());
            SequentialBlock block = new SequentialBlock();
            List<LayerBlock> layers = new ArrayList<>();
            for (LayerSpec layer : node.layers()) {
                LayerBlock layerBlock = factory.build(layer);
                block.add(layerBlock.block());
                layers.add(layerBlock);
            }
            block.initialize(manager, DataType.FLOAT32, batchShape(1, in));
            blocks.put(node.name(), block);
            nameParameters(node.name(), layers);
        }
        checkParameters();
    }

    /** Builds the graph on the CPU with PyTorch's random initialisation. */
    public static GraphNetwork create(GraphSpec spec) {
        return new GraphNetwork(spec, DjlBlocks.FACTORY, Device.cpu(), null);
    }

    /** Builds the graph on {@code device}, initialised reproducibly from {@code seed}. */
    public static GraphNetwork create(GraphSpec spec, Device device, int seed) {
        return new GraphNetwork(spec, DjlBlocks.FACTORY, device, seed);
    }

    /**
     * Builds the graph with another factory's blocks for some layer kinds.
     *
     * @throws IllegalArgumentException listing every problem of an invalid graph
     */
    public static GraphNetwork create(GraphSpec spec, BlockFactory factory, Device device, int seed) {
        return new GraphNetwork(spec, factory, device, seed);
    }

    private void nameParameters(String node, List<LayerBlock> layers) {
        for (LayerBlock layer : layers) {
            for (Pair<String, Parameter> entry : layer.block().getDirectParameters()) {
                String relative = layer.parameterNames().get(entry.getKey());
                if (relative != null) {
                    parameters.put(node + "." + relative, entry.getValue());
                }
            }
        }
    }

    /** DJL must have built exactly the parameters the spec lists, as the export and files rely on the spec. */
    private void checkParameters() {
        List<ParameterSpec> expected = spec.parameters();
        for (ParameterSpec parameter : expected) {
            Parameter built = parameters.get(parameter.name());
            if (built == null || !Arrays.equals(built.getArray().getShape().getShape(), parameter.shape().toArray())
                    || built.requiresGradient() != parameter.trainable()) {
                throw new IllegalStateException(spec.name() + ": DJL built parameter " + parameter.name() + " as "
                        + (built == null ? "nothing" : built.getArray().getShape()) + ", its spec says "
                        + parameter.shape());
            }
        }
        if (parameters.size() != expected.size()) {
            throw new IllegalStateException(spec.name() + ": DJL built parameters " + parameters.keySet()
                    + ", the specs list " + expected);
        }
    }

    public GraphSpec spec() {
        return spec;
    }

    /** Every node's output shape. */
    public GraphShapes shapes() {
        return shapes;
    }

    public String name() {
        return spec.name();
    }

    /** The manager that owns the parameters. */
    public NDManager manager() {
        return manager;
    }

    /** Forward pass in training mode (BatchNorm uses and updates batch statistics), outputs by name. */
    public Map<String, NDArray> forwardTrain(Map<String, NDArray> inputs) {
        return forward(inputs, true);
    }

    /** Forward pass in eval mode (BatchNorm uses running statistics), outputs by name in the spec's order. */
    public Map<String, NDArray> forwardEval(Map<String, NDArray> inputs) {
        return forward(inputs, false);
    }

    private Map<String, NDArray> forward(Map<String, NDArray> inputs, boolean training) {
        checkInputs(inputs);
        Map<String, NDArray> values = new LinkedHashMap<>(inputs);
        for (int i = 0; i < spec.nodes().size(); i++) {
            GraphNode node = spec.nodes().get(i);
            NDArray in = GraphWiring.merge(node.merge(), spec.sources(i).stream().map(values::get).toList());
            NDArray out = blocks.get(node.name())
                    .forward(parameterStore, new NDList(in), training).singletonOrThrow();
            values.put(node.name(), node.residual() ? in.add(out) : out);
        }
        Map<String, NDArray> outputs = new LinkedHashMap<>();
        spec.outputs().forEach(name -> outputs.put(name, values.get(name)));
        return outputs;
    }

    /**
     * Rejects missing, extra or misshapen inputs before they reach native code.
     *
     * @throws IllegalArgumentException naming the input and both shapes
     */
    public void checkInputs(Map<String, NDArray> inputs) {
        List<String> names = spec.inputs().stream().map(GraphInput::name).toList();
        for (String name : inputs.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(name() + " has no input '" + name + "'"
                        + Names.closest(name, names).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " Inputs: " + names);
            }
        }
        Long batch = null;
        for (GraphInput input : spec.inputs()) {
            NDArray array = inputs.get(input.name());
            if (array == null) {
                throw new IllegalArgumentException(name() + " needs input '" + input.name() + "' " + input.shape()
                        + "; given " + inputs.keySet());
            }
            long[] actual = array.getShape().getShape();
            if (actual.length != input.shape().rank() + 1
                    || !Arrays.equals(Arrays.copyOfRange(actual, 1, actual.length), input.shape().toArray())
                    || actual[0] < 1) {
                throw new IllegalArgumentException(name() + " expects input '" + input.name() + "' of shape "
                        + input.shape() + ", got " + array.getShape());
            }
            if (batch != null && batch != actual[0]) {
                throw new IllegalArgumentException(name() + ": inputs have different batch sizes " + batch + " and "
                        + actual[0] + " ('" + input.name() + "')");
            }
            batch = actual[0];
        }
    }

    /** Parameter and running-statistic names in node order. */
    public List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    /**
     * A parameter's array by name ({@code block1.bn.running_mean}).
     *
     * @throws IllegalArgumentException for an unknown name, suggesting the closest one
     */
    public NDArray parameter(String name) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException(name() + " has no parameter '" + name + "'."
                    + Names.closest(name, parameters.keySet()).map(s -> " Did you mean '" + s + "'?").orElse("")
                    + " Parameters: " + parameters.keySet());
        }
        return parameter.getArray();
    }

    /** Every parameter and running statistic by name, in node order. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> arrays.put(name, parameter.getArray()));
        return Collections.unmodifiableMap(arrays);
    }

    /** The trainable parameters' arrays by name, for an optimizer or a gradient check. */
    public Map<String, NDArray> trainableArrays() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            if (parameter.requiresGradient()) {
                arrays.put(name, parameter.getArray());
            }
        });
        return arrays;
    }

    /** Saves every parameter and running statistic as a safetensors file, atomically, under its name. */
    public void save(Path file) throws IOException {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            NDArray array = parameter.getArray();
            tensors.put(name, new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray()));
        });
        SafeTensors.write(file, Map.of(NETWORK_METADATA, name()), tensors);
    }

    /**
     * Loads parameters saved by {@link #save} (or by PyTorch under the same names).
     *
     * @throws IncompatibleParametersException naming the first parameter missing, extra or of another shape;
     *     nothing is changed then
     */
    public void load(Path file) throws IOException {
        // Names and shapes are checked on the header, before any data is read: a file cannot make this allocate
        // more than the network already holds, whatever it claims.
        SafeTensors.HeaderCheck expected = new SafeTensors.HeaderCheck() {
            @Override
            public void checkName(String tensor) throws IOException {
                if (!parameters.containsKey(tensor)) {
                    throw new IncompatibleParametersException("Cannot load " + file + " into " + name()
                            + ": the file holds parameter '" + tensor + "', which " + name() + " does not have");
                }
            }

            @Override
            public long maxHeaderBytes() {
                return (1 << 20) + 1024L * parameters.size();
            }

            @Override
            public void check(SafeTensorsHeader header) throws IOException {
                Map<String, long[]> shapes = header.shapes();
                for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                    long[] shape = shapes.get(entry.getKey());
                    long[] wanted = entry.getValue().getArray().getShape().getShape();
                    if (shape == null || !Arrays.equals(shape, wanted)) {
                        throw new IncompatibleParametersException("Cannot load " + file + " into " + name()
                                + ": parameter '" + entry.getKey() + "' is " + (shape == null ? "missing"
                                        : "of shape " + Arrays.toString(shape)) + " in the file, expected "
                                + Arrays.toString(wanted));
                    }
                }
            }
        };
        Map<String, SafeTensors.Tensor> tensors = SafeTensors.read(file, expected).tensors();
        SafeTensors.requireFinite(file, tensors);
        parameters.forEach((name, parameter) -> ArrayValues.overwrite(parameter.getArray(), tensors.get(name).data()));
    }

    private static ai.djl.ndarray.types.Shape batchShape(long batch, Shape sample) {
        long[] dims = new long[sample.rank() + 1];
        dims[0] = batch;
        System.arraycopy(sample.toArray(), 0, dims, 1, sample.rank());
        return new ai.djl.ndarray.types.Shape(dims);
    }

    /** Frees the parameters; closing twice does nothing. */
    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return name() + " " + parameters.keySet();
    }
}
