package dev.lamina.processor.shapes;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.model.StageModel;
import dev.lamina.spec.Shape;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.PoolSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Step 2: follows the shape of one sample through the network, resolving widths left to inference and
 * reporting widths that disagree with what flows in.
 *
 * <p>After a mismatch, inference continues with the width the user declared, so one mistake yields one
 * error. Where a width is unknowable (a non-positive dimension, reported by {@link NetworkValidator}),
 * the shape becomes unknown ({@code null}) and checks downstream of it are skipped rather than
 * cascading.
 */
public final class ShapeInference {

    private final Report report;
    private Shape current;
    private StageModel previousStage;
    private LayerModel previousLayer;
    /** Who produced the network's or the stage's input, as a message names it. */
    private final String inputProducer;

    private ShapeInference(Report report, Shape input) {
        this(report, input, "the network input");
    }

    private ShapeInference(Report report, Shape input, String inputProducer) {
        this.report = report;
        this.inputProducer = inputProducer;
        this.current = input.dims().isEmpty() || input.dims().stream().anyMatch(d -> d <= 0) ? null : input;
    }

    public static InferredNetwork infer(NetworkModel network, Report report) {
        ShapeInference inference = new ShapeInference(report, network.input());
        List<InferredStage> stages = new ArrayList<>();
        for (StageModel stage : network.stages()) {
            List<InferredLayer> layers = new ArrayList<>();
            for (LayerModel layer : stage.layers()) {
                layers.add(inference.next(stage, layer));
            }
            stages.add(new InferredStage(stage, layers));
        }
        InferredNetwork inferred = new InferredNetwork(network, stages);
        try {
            inferred.checkTotals();
        } catch (ArithmeticException overflow) {
            report.report(Problem.NETWORK_TOO_LARGE, network.source().location(), network.type().getSimpleName(),
                    "its totals", "parameters, FLOPs or activation bytes");
        }
        return inferred;
    }

    /**
     * One stage of a graph network on its own input ({@code null} when unknown): widths left to inference are
     * inferred from it and mismatches reported as in a stack, naming {@code producer} as what produced it.
     */
    public static InferredStage inferStage(StageModel stage, Shape input, String producer, Report report) {
        ShapeInference inference = new ShapeInference(report, input == null ? Shape.of() : input, producer);
        List<InferredLayer> layers = new ArrayList<>();
        for (LayerModel layer : stage.layers()) {
            layers.add(inference.next(stage, layer));
        }
        return new InferredStage(stage, layers);
    }

    private InferredLayer next(StageModel stage, LayerModel layer) {
        InferredLayer inferred;
        try {
            inferred = inferLayer(stage, layer);
        } catch (ArithmeticException overflow) {
            // Sizes beyond a long: one error here, and nothing downstream is checked against them.
            report.report(Problem.NETWORK_TOO_LARGE, layer.source().location(), stage.name(),
                    "@" + layer.kind() + " of " + stage.name(), "values or parameters");
            inferred = new InferredLayer(layer, current, null, null);
        }
        current = inferred.output();
        previousStage = stage;
        previousLayer = layer;
        return inferred;
    }

    private InferredLayer inferLayer(StageModel stage, LayerModel layer) {
        Shape input = current;
        if (layer instanceof LinearModel linear) {
            return linear(stage, linear, input);
        }
        if (layer instanceof BatchNormModel batchNorm) {
            return batchNorm(stage, batchNorm, input);
        }
        if (layer instanceof Conv2dModel conv) {
            return conv(stage, conv, input);
        }
        if (layer instanceof PoolModel pool) {
            return pool(stage, pool, input);
        }
        // Flatten, Dropout and activations take any shape; Dropout and activations keep it even while one of
        // their values is out of range, so shapes downstream are still checked.
        LayerSpec spec = resolve(layer, OptionalLong.empty());
        Shape output = input == null ? null : spec != null ? spec.outputShape(input) : input;
        return new InferredLayer(layer, input, output, spec);
    }

    private InferredLayer linear(StageModel stage, LinearModel linear, Shape input) {
        Shape declaredOutput = linear.out() > 0 ? Shape.of(linear.out()) : null;
        if (input != null && !input.isFlat()) {
            report.report(Problem.LINEAR_NEEDS_FLAT_INPUT, linear.source().location(),
                    stage.name(), producer(stage), input.withBatch(), input.size());
            return new InferredLayer(linear, input, declaredOutput, null);
        }
        if (input != null && linear.in().isPresent() && linear.in().getAsInt() > 0
                && linear.in().getAsInt() != input.features()) {
            report.report(Problem.LINEAR_INPUT_MISMATCH, linear.source().at("in"), stage.name(),
                    linear.in().getAsInt(), producer(stage), input.features(), input.features(), linear.out());
            // Continue with the declared width, so one mistake yields one error.
            return new InferredLayer(linear, input, declaredOutput, null);
        }
        OptionalLong in = input != null ? OptionalLong.of(input.features()) : OptionalLong.empty();
        return new InferredLayer(linear, input, declaredOutput, resolve(linear, in));
    }

    private InferredLayer batchNorm(StageModel stage, BatchNormModel batchNorm, Shape input) {
        long features = batchNorm.features().orElse(-1);
        if (input != null) {
            // Over the first dimension: features of a flat sample, channels of an image.
            long incoming = input.dims().get(0);
            if (batchNorm.features().isPresent() && features > 0 && features != incoming) {
                report.report(Problem.BATCHNORM_FEATURES_MISMATCH, batchNorm.source().at("features"),
                        stage.name(), features, incoming, producer(stage), incoming);
            }
            features = incoming;
        }
        Shape output = input != null ? input : (features > 0 ? Shape.of(features) : null);
        LayerSpec spec = resolve(batchNorm, features > 0 ? OptionalLong.of(features) : OptionalLong.empty());
        return new InferredLayer(batchNorm, input, output, spec);
    }

    private InferredLayer conv(StageModel stage, Conv2dModel conv, Shape input) {
        if (input == null) {
            return new InferredLayer(conv, null, null, null);
        }
        if (!input.isImage()) {
            report.report(Problem.NEEDS_IMAGE_INPUT, conv.source().location(), stage.name(), "Conv2d", producer(stage),
                    input.withBatch());
            return new InferredLayer(conv, input, null, null);
        }
        long channels = input.dims().get(0);
        if (conv.in().isPresent() && conv.in().getAsInt() > 0 && conv.in().getAsInt() != channels) {
            report.report(Problem.CONV_CHANNELS_MISMATCH, conv.source().at("in"), stage.name(), conv.in().getAsInt(),
                    producer(stage), channels, channels);
        }
        Conv2dSpec spec = (Conv2dSpec) resolve(conv, OptionalLong.of(channels));
        if (spec == null) {
            return new InferredLayer(conv, input, null, null);
        }
        long height = spec.outputSide(input.dims().get(1));
        long width = spec.outputSide(input.dims().get(2));
        if (height <= 0 || width <= 0) {
            report.report(Problem.SPATIAL_SIZE_TOO_SMALL, conv.source().at("kernel"), stage.name(), "Conv2d",
                    input.dims().get(1), input.dims().get(2), producer(stage), height, width);
            return new InferredLayer(conv, input, null, null);
        }
        return new InferredLayer(conv, input, spec.outputShape(input), spec);
    }

    private InferredLayer pool(StageModel stage, PoolModel pool, Shape input) {
        if (input == null) {
            return new InferredLayer(pool, null, null, null);
        }
        if (!input.isImage()) {
            report.report(Problem.NEEDS_IMAGE_INPUT, pool.source().location(), stage.name(), pool.kind(),
                    producer(stage), input.withBatch());
            return new InferredLayer(pool, input, null, null);
        }
        PoolSpec spec = (PoolSpec) resolve(pool, OptionalLong.empty());
        if (spec == null) {
            return new InferredLayer(pool, input, null, null);
        }
        long height = spec.outputSide(input.dims().get(1));
        long width = spec.outputSide(input.dims().get(2));
        if (height <= 0 || width <= 0) {
            report.report(Problem.SPATIAL_SIZE_TOO_SMALL, pool.source().at("value"), stage.name(), pool.kind(),
                    input.dims().get(1), input.dims().get(2), producer(stage), height, width);
            return new InferredLayer(pool, input, null, null);
        }
        return new InferredLayer(pool, input, spec.outputShape(input), spec);
    }

    /**
     * The layer's spec with its inferred width, or null while a value is out of range (which {@link
     * NetworkValidator} reports) or the width is unknown.
     */
    private static LayerSpec resolve(LayerModel layer, OptionalLong inferredWidth) {
        try {
            return layer.toSpec(inferredWidth).orElse(null);
        } catch (IllegalArgumentException outOfRange) {
            return null;
        }
    }

    /** Who produced the current shape, as a user reads it in a message. */
    private String producer(StageModel stage) {
        if (previousStage == null) {
            return inputProducer;
        }
        if (previousStage == stage) {
            return "the @" + previousLayer.kind() + " before it";
        }
        return previousStage.name();
    }
}
