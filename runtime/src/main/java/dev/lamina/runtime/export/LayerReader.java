package dev.lamina.runtime.export;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.StageDefinition;
import dev.lamina.runtime.layers.ActivationLayer;
import dev.lamina.runtime.layers.BatchNormLayer;
import dev.lamina.runtime.layers.DropoutLayer;
import dev.lamina.runtime.layers.LayerDefinition;
import dev.lamina.runtime.layers.LinearLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link LaminaNetwork} into an {@link ExportedNetwork}.
 *
 * <p>Widths come from the network's parameter shapes (what was actually built), the other values from
 * the layer definitions.
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
        if (layer instanceof LinearLayer) {
            long[] weight = network.parameter(stage + ".weight").getShape().getShape();
            return new ExportedLayer.Linear(weight[1], weight[0]);
        }
        if (layer instanceof BatchNormLayer batchNorm) {
            long features = network.parameter(stage + ".bn.weight").getShape().get(0);
            return new ExportedLayer.BatchNorm(features, batchNorm.eps(), batchNorm.momentum());
        }
        if (layer instanceof DropoutLayer dropout) {
            return new ExportedLayer.Dropout(dropout.p());
        }
        if (layer instanceof ActivationLayer activation) {
            return activation.kind().equals(ExportedLayer.Activation.LEAKY_RELU)
                    ? ExportedLayer.Activation.leakyRelu(activation.slope())
                    : ExportedLayer.Activation.of(activation.kind());
        }
        throw new IllegalArgumentException(
                network.name() + "." + stage + ": cannot export a " + layer.kind() + " layer to PyTorch");
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
}
