package dev.lamina.runtime.export;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.StageDefinition;
import dev.lamina.runtime.layers.ActivationLayer;
import dev.lamina.runtime.layers.BatchNormLayer;
import dev.lamina.runtime.layers.Conv2dLayer;
import dev.lamina.runtime.layers.DropoutLayer;
import dev.lamina.runtime.layers.FlattenLayer;
import dev.lamina.runtime.layers.LayerDefinition;
import dev.lamina.runtime.layers.LinearLayer;
import dev.lamina.runtime.layers.PoolLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@link LaminaNetwork} into an {@link ExportedNetwork}.
 *
 * <p>Widths and channel counts come from the network's parameter shapes (what was actually built), the
 * other values from the layer definitions. The sample shape is followed through the layers: it decides
 * between BatchNorm1d and BatchNorm2d and gives each stage's output shape.
 */
final class LayerReader {

    private LayerReader() {}

    static ExportedNetwork read(LaminaNetwork network) {
        List<ExportedNetwork.Stage> stages = new ArrayList<>();
        long[] shape = network.architecture().inputShape();
        for (StageDefinition stage : network.architecture().stages()) {
            List<ExportedLayer> layers = new ArrayList<>();
            for (LayerDefinition layer : stage.layers()) {
                ExportedLayer exported = read(network, stage.name(), layer, shape);
                shape = exported.outputShape(shape);
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

    /** The exported form of {@code layer}, which receives samples of shape {@code input}. */
    private static ExportedLayer read(LaminaNetwork network, String stage, LayerDefinition layer, long[] input) {
        if (layer instanceof LinearLayer) {
            long[] weight = network.parameter(stage + ".weight").getShape().getShape();
            return new ExportedLayer.Linear(weight[1], weight[0]);
        }
        if (layer instanceof Conv2dLayer conv) {
            requireImages(network, stage, layer, input);
            long[] weight = network.parameter(stage + ".weight").getShape().getShape();
            return new ExportedLayer.Conv2d(
                    weight[1], weight[0], conv.kernel(), conv.stride(), conv.padding(), conv.dilation());
        }
        if (layer instanceof PoolLayer pool) {
            requireImages(network, stage, layer, input);
            if (!pool.kind().equals(ExportedLayer.Pool.MAX) && !pool.kind().equals(ExportedLayer.Pool.AVG)) {
                throw cannotExport(network, stage, layer);
            }
            return new ExportedLayer.Pool(pool.kind(), pool.kernel(), pool.stride(), pool.padding());
        }
        if (layer instanceof FlattenLayer) {
            return new ExportedLayer.Flatten();
        }
        if (layer instanceof BatchNormLayer batchNorm) {
            long features = network.parameter(stage + ".bn.weight").getShape().get(0);
            // (C, H, W) samples: BatchNorm2d over the channels; (F) or (C, L): BatchNorm1d over axis 1.
            return new ExportedLayer.BatchNorm(features, batchNorm.eps(), batchNorm.momentum(), input.length == 3);
        }
        if (layer instanceof DropoutLayer dropout) {
            return new ExportedLayer.Dropout(dropout.p());
        }
        if (layer instanceof ActivationLayer activation) {
            return activation.kind().equals(ExportedLayer.Activation.LEAKY_RELU)
                    ? ExportedLayer.Activation.leakyRelu(activation.slope())
                    : ExportedLayer.Activation.of(activation.kind());
        }
        throw cannotExport(network, stage, layer);
    }

    private static IllegalArgumentException cannotExport(LaminaNetwork network, String stage, LayerDefinition layer) {
        return new IllegalArgumentException(
                network.name() + "." + stage + ": cannot export a " + layer.kind() + " layer to PyTorch");
    }

    private static void requireImages(LaminaNetwork network, String stage, LayerDefinition layer, long[] input) {
        if (input.length != 3) {
            throw new IllegalArgumentException(network.name() + "." + stage + ": cannot export a " + layer.kind()
                    + " layer on samples of shape " + Arrays.toString(input) + "; it needs (C, H, W) images");
        }
    }

    /**
     * Lamina names parameters by stage and layer kind, so a stage holds at most one BatchNorm, and at most
     * one Linear or Conv2d (both own {@code <stage>.weight} and {@code <stage>.bias}).
     */
    private static void checkUnique(LaminaNetwork network, StageDefinition stage, List<ExportedLayer> layers) {
        if (layers.stream().filter(l -> l instanceof ExportedLayer.BatchNorm).count() > 1) {
            throw new IllegalArgumentException(network.name() + "." + stage.name()
                    + " has more than one BatchNorm; their parameters would share one name");
        }
        if (layers.stream().filter(l -> l instanceof ExportedLayer.Linear || l instanceof ExportedLayer.Conv2d)
                .count() > 1) {
            throw new IllegalArgumentException(network.name() + "." + stage.name()
                    + " has more than one Linear or Conv2d; their parameters would share one name");
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
