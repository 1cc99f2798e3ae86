package dev.lamina.runtime.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.StageDefinition;
import dev.lamina.runtime.layers.LayerDefinition;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link LaminaNetwork} into an {@link ExportedNetwork}.
 *
 * <p>Widths come from the network's parameter shapes. The other annotation values (BatchNorm's eps and
 * momentum, Dropout's p) are components of the runtime's package-private layer records, read here by
 * reflection; LeakyReLU's slope is not stored at all, so it is measured from the layer's block (the
 * output for input -1). Both are stopgaps until {@code dev.lamina.runtime.layers} exposes these values;
 * a record component named {@code slope} is picked up as soon as it exists.
 */
final class LayerReader {

    private LayerReader() {}

    static ExportedNetwork read(LaminaNetwork network) {
        List<ExportedNetwork.Stage> stages = new ArrayList<>();
        long[] shape = network.architecture().inputShape();
        for (StageDefinition stage : network.architecture().stages()) {
            List<ExportedLayer> layers = new ArrayList<>();
            for (LayerDefinition layer : stage.layers()) {
                ExportedLayer exported = read(network, stage.name(), layer);
                if (exported instanceof ExportedLayer.Linear linear) {
                    shape = shape.clone();
                    shape[shape.length - 1] = linear.out();
                }
                layers.add(exported);
            }
            checkUnique(network, stage, layers);
            stages.add(new ExportedNetwork.Stage(stage.name(), layers, shape, parameterCount(network, stage.name())));
        }
        return new ExportedNetwork(
                network.name(),
                network.architecture().inputShape(),
                stages,
                network.trainableParameterCount(),
                network.nonTrainableParameterCount());
    }

    private static ExportedLayer read(LaminaNetwork network, String stage, LayerDefinition layer) {
        String kind = layer.kind();
        switch (kind) {
            case "Linear": {
                long[] weight = network.parameter(stage + ".weight").getShape().getShape();
                return new ExportedLayer.Linear(weight[1], weight[0]);
            }
            case "BatchNorm": {
                long features = network.parameter(stage + ".bn.weight").getShape().get(0);
                return new ExportedLayer.BatchNorm(
                        features, component(network, stage, layer, "eps"), component(network, stage, layer, "momentum"));
            }
            case "Dropout":
                return new ExportedLayer.Dropout(component(network, stage, layer, "p"));
            case "ReLU":
            case "Sigmoid":
            case "Tanh":
            case "Softmax":
                return ExportedLayer.Activation.of(kind);
            case ExportedLayer.Activation.LEAKY_RELU:
                return ExportedLayer.Activation.leakyRelu(
                        optionalComponent(layer, "slope").orElseGet(() -> measureSlope(network, layer)));
            default:
                throw new IllegalArgumentException(
                        network.name() + "." + stage + ": cannot export a " + kind + " layer to PyTorch");
        }
    }

    /** Lamina names parameters by stage and layer kind, so a stage holds at most one Linear and one BatchNorm. */
    private static void checkUnique(LaminaNetwork network, StageDefinition stage, List<ExportedLayer> layers) {
        for (Class<?> type : List.of(ExportedLayer.Linear.class, ExportedLayer.BatchNorm.class)) {
            if (layers.stream().filter(type::isInstance).count() > 1) {
                throw new IllegalArgumentException(network.name() + "." + stage.name() + " has more than one "
                        + type.getSimpleName() + "; their parameters would share one name");
            }
        }
    }

    private static long parameterCount(LaminaNetwork network, String stage) {
        String prefix = stage + ".";
        return network.parameterNames().stream()
                .filter(name -> name.startsWith(prefix))
                .mapToLong(name -> network.parameter(name).size())
                .sum();
    }

    private static double component(LaminaNetwork network, String stage, LayerDefinition layer, String name) {
        return optionalComponent(layer, name).orElseThrow(() -> new IllegalStateException(
                network.name() + "." + stage + ": the " + layer.kind() + " layer (" + layer.getClass().getName()
                        + ") has no numeric record component '" + name + "' to export"));
    }

    private static Optional<Double> optionalComponent(LayerDefinition layer, String name) {
        Class<?> type = layer.getClass();
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> valueType = component.getType();
            if (component.getName().equals(name) && (valueType == double.class || valueType == float.class)) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return Optional.of(((Number) accessor.invoke(layer)).doubleValue());
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + layer, e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * LeakyReLU's slope, as the block applies it: minus its output for input -1. The block computes in
     * float32, so the float is turned back into the shortest decimal that gives it (0.2f becomes 0.2).
     */
    private static double measureSlope(LaminaNetwork network, LayerDefinition layer) {
        try (NDManager scope = network.manager().newSubManager()) {
            Block block = layer.createBlock();
            Shape one = new Shape(1, 1);
            block.initialize(scope, DataType.FLOAT32, one);
            NDArray input = scope.create(new float[] {-1f}, one);
            float output = block.forward(new ParameterStore(scope, false), new NDList(input), false)
                    .singletonOrThrow()
                    .toFloatArray()[0];
            return Double.parseDouble(Float.toString(-output));
        }
    }
}
