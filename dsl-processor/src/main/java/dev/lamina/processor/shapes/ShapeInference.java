package dev.lamina.processor.shapes;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.FlattenModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.model.Shape;
import dev.lamina.processor.model.StageModel;

import java.util.ArrayList;
import java.util.List;

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

    private ShapeInference(Report report, Shape input) {
        this.report = report;
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

    private InferredLayer next(StageModel stage, LayerModel layer) {
        InferredLayer inferred;
        try {
            inferred = inferLayer(stage, layer);
        } catch (ArithmeticException overflow) {
            // Sizes beyond a long: one error here, and nothing downstream is checked against them.
            report.report(Problem.NETWORK_TOO_LARGE, layer.source().location(), stage.name(),
                    "@" + layer.kind() + " of " + stage.name(), "values or parameters");
            inferred = new InferredLayer(layer, current, null, 0, 0, 0, 0);
        }
        current = inferred.output();
        previousStage = stage;
        previousLayer = layer;
        return inferred;
    }

    private InferredLayer inferLayer(StageModel stage, LayerModel layer) {
        Shape input = current;
        InferredLayer inferred;
        if (layer instanceof LinearModel linear) {
            inferred = linear(stage, linear, input);
        } else if (layer instanceof BatchNormModel batchNorm) {
            inferred = batchNorm(stage, batchNorm, input);
        } else if (layer instanceof Conv2dModel conv) {
            inferred = conv(stage, conv, input);
        } else if (layer instanceof PoolModel pool) {
            inferred = pool(stage, pool, input);
        } else if (layer instanceof FlattenModel) {
            inferred = new InferredLayer(layer, input, input == null ? null : Shape.of(input.size()), 0, 0, 0, 0);
        } else {
            long flops = input == null ? 0 : Math.multiplyExact(elementwiseFlops(layer), input.size());
            inferred = new InferredLayer(layer, input, input, 0, 0, 0, flops);
        }
        return inferred;
    }

    private InferredLayer linear(StageModel stage, LinearModel linear, Shape input) {
        long in = linear.in().orElse(-1);
        if (input != null && !input.isFlat()) {
            report.report(Problem.LINEAR_NEEDS_FLAT_INPUT, linear.source().location(),
                    stage.name(), producer(stage), input.withBatch(), input.size());
        } else if (input != null) {
            if (linear.in().isPresent() && in > 0 && in != input.features()) {
                report.report(Problem.LINEAR_INPUT_MISMATCH, linear.source().at("in"),
                        stage.name(), in, producer(stage), input.features(), input.features(), linear.out());
            }
            if (linear.in().isEmpty()) {
                in = input.features();
            }
        }
        long out = linear.out();
        if (in <= 0 || out <= 0) {
            return new InferredLayer(linear, input, out > 0 ? Shape.of(out) : null, Math.max(in, 0), 0, 0, 0);
        }
        long weights = Math.multiplyExact(in, out);
        return new InferredLayer(linear, input, Shape.of(out), in, Math.addExact(weights, out), 0,
                Math.multiplyExact(2, weights));
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
        if (features <= 0) {
            return new InferredLayer(batchNorm, input, output, 0, 0, 0, 0);
        }
        long flops = output == null ? 0 : Math.multiplyExact(2, output.size());
        return new InferredLayer(batchNorm, input, output, features, Math.multiplyExact(2, features),
                Math.multiplyExact(2, features), flops);
    }

    private InferredLayer conv(StageModel stage, Conv2dModel conv, Shape input) {
        long in = conv.in().orElse(-1);
        Shape output = null;
        if (input != null && input.dims().size() != 3) {
            report.report(Problem.NEEDS_IMAGE_INPUT, conv.source().location(), stage.name(), "Conv2d", producer(stage),
                    input.withBatch());
        } else if (input != null) {
            long channels = input.dims().get(0);
            if (conv.in().isPresent() && in > 0 && in != channels) {
                report.report(Problem.CONV_CHANNELS_MISMATCH, conv.source().at("in"), stage.name(), in,
                        producer(stage), channels, channels);
            }
            in = channels;
            if (conv.kernel() > 0 && conv.stride() > 0 && conv.dilation() > 0 && conv.padding() >= 0) {
                long height = convolved(input.dims().get(1), conv.kernel(), conv.stride(), conv.padding(), conv.dilation());
                long width = convolved(input.dims().get(2), conv.kernel(), conv.stride(), conv.padding(), conv.dilation());
                if (height <= 0 || width <= 0) {
                    report.report(Problem.SPATIAL_SIZE_TOO_SMALL, conv.source().at("kernel"), stage.name(), "Conv2d",
                            input.dims().get(1), input.dims().get(2), producer(stage), height, width);
                } else if (conv.out() > 0) {
                    output = Shape.of(conv.out(), height, width);
                }
            }
        }
        if (output == null || in <= 0) {
            return new InferredLayer(conv, input, output, Math.max(in, 0), 0, 0, 0);
        }
        long weights = Math.multiplyExact(Math.multiplyExact((long) conv.out(), in), (long) conv.kernel() * conv.kernel());
        long flops = Math.multiplyExact(Math.multiplyExact(2, weights), output.dims().get(1) * output.dims().get(2));
        return new InferredLayer(conv, input, output, in, Math.addExact(weights, conv.out()), 0, flops);
    }

    private InferredLayer pool(StageModel stage, PoolModel pool, Shape input) {
        Shape output = null;
        if (input != null && input.dims().size() != 3) {
            report.report(Problem.NEEDS_IMAGE_INPUT, pool.source().location(), stage.name(), pool.kind(),
                    producer(stage), input.withBatch());
        } else if (input != null && pool.kernel() > 0 && pool.stride() > 0 && pool.padding() >= 0
                && pool.padding() <= pool.kernel() / 2) {
            long height = convolved(input.dims().get(1), pool.kernel(), pool.stride(), pool.padding(), 1);
            long width = convolved(input.dims().get(2), pool.kernel(), pool.stride(), pool.padding(), 1);
            if (height <= 0 || width <= 0) {
                report.report(Problem.SPATIAL_SIZE_TOO_SMALL, pool.source().at("value"), stage.name(), pool.kind(),
                        input.dims().get(1), input.dims().get(2), producer(stage), height, width);
            } else {
                output = Shape.of(input.dims().get(0), height, width);
            }
        }
        long flops = output == null ? 0 : Math.multiplyExact(output.size(), (long) pool.kernel() * pool.kernel());
        return new InferredLayer(pool, input, output, 0, 0, 0, flops);
    }

    /** PyTorch's output size: {@code floor((size + 2 padding - dilation (kernel - 1) - 1) / stride) + 1}. */
    static long convolved(long size, int kernel, int stride, int padding, int dilation) {
        return Math.floorDiv(size + 2L * padding - (long) dilation * (kernel - 1) - 1, stride) + 1;
    }

    /** Operations per element in eval mode: Dropout is the identity, softmax costs exp, sum and divide. */
    private static long elementwiseFlops(LayerModel layer) {
        if (!(layer instanceof ActivationModel activation)) {
            return 0;
        }
        return activation.activation() == ActivationModel.Activation.Softmax ? 3 : 1;
    }

    /** Who produced the current shape, as a user reads it in a message. */
    private String producer(StageModel stage) {
        if (previousStage == null) {
            return "the network input";
        }
        if (previousStage == stage) {
            return "the @" + previousLayer.kind() + " before it";
        }
        return previousStage.name();
    }
}
