package dev.lamina.processor.shapes;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.Source;
import dev.lamina.processor.model.DropoutModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.model.StageModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 3: checks every value against its range and the layer sequence for likely mistakes (warnings).
 * NaN fails every range check, since no comparison with it is true.
 */
public final class NetworkValidator {

    private NetworkValidator() {}

    public static void validate(NetworkModel network, Report report) {
        List<StageModel> stageOfLayer = new ArrayList<>();
        List<LayerModel> sequence = new ArrayList<>();
        for (StageModel stage : network.stages()) {
            checkOneWeightedLayer(stage, report);
            for (LayerModel layer : stage.layers()) {
                checkRanges(stage, layer, report);
                stageOfLayer.add(stage);
                sequence.add(layer);
            }
        }
        checkSequence(stageOfLayer, sequence, report);
    }

    private static void checkRanges(StageModel stage, LayerModel layer, Report report) {
        String name = stage.name();
        if (layer instanceof LinearModel linear) {
            if (linear.in().isPresent() && linear.in().getAsInt() <= 0) {
                report.report(Problem.DIMENSION_NOT_POSITIVE, linear.source().at("in"),
                        name, "Linear", "in", linear.in().getAsInt());
            }
            if (linear.out() <= 0) {
                report.report(Problem.DIMENSION_NOT_POSITIVE, linear.source().at("out"),
                        name, "Linear", "out", linear.out());
            }
        } else if (layer instanceof BatchNormModel batchNorm) {
            if (batchNorm.features().isPresent() && batchNorm.features().getAsInt() <= 0) {
                report.report(Problem.DIMENSION_NOT_POSITIVE, batchNorm.source().at("features"),
                        name, "BatchNorm", "features", batchNorm.features().getAsInt());
            }
            if (!(batchNorm.eps() > 0) || Double.isInfinite(batchNorm.eps())) {
                report.report(Problem.BATCHNORM_EPS_NOT_POSITIVE, batchNorm.source().at("eps"), name, batchNorm.eps());
            }
            if (!(batchNorm.momentum() >= 0 && batchNorm.momentum() <= 1)) {
                report.report(Problem.BATCHNORM_MOMENTUM_OUT_OF_RANGE, batchNorm.source().at("momentum"),
                        name, batchNorm.momentum());
            }
        } else if (layer instanceof Conv2dModel conv) {
            if (conv.in().isPresent() && conv.in().getAsInt() <= 0) {
                report.report(Problem.DIMENSION_NOT_POSITIVE, conv.source().at("in"), name, "Conv2d", "in",
                        conv.in().getAsInt());
            }
            positive(report, conv.source(), name, "Conv2d", "out", conv.out());
            positive(report, conv.source(), name, "Conv2d", "kernel", conv.kernel());
            positive(report, conv.source(), name, "Conv2d", "stride", conv.stride());
            positive(report, conv.source(), name, "Conv2d", "dilation", conv.dilation());
            if (conv.padding() < 0) {
                report.report(Problem.PADDING_OUT_OF_RANGE, conv.source().at("padding"), name, "Conv2d",
                        conv.padding(), "");
            }
        } else if (layer instanceof PoolModel pool) {
            positive(report, pool.source(), name, pool.kind(), "value", pool.kernel());
            // An unwritten stride is the window side, already checked: reporting it too would name a
            // value the user never wrote.
            if (pool.source().isExplicit("stride")) {
                positive(report, pool.source(), name, pool.kind(), "stride", pool.stride());
            }
            if (pool.padding() < 0 || (pool.kernel() > 0 && pool.padding() > pool.kernel() / 2)) {
                report.report(Problem.PADDING_OUT_OF_RANGE, pool.source().at("padding"), name, pool.kind(),
                        pool.padding(), " and at most half the window (" + Math.max(0, pool.kernel() / 2) + ")");
            }
        } else if (layer instanceof DropoutModel dropout) {
            if (!(dropout.p() >= 0 && dropout.p() < 1)) {
                report.report(Problem.DROPOUT_OUT_OF_RANGE, dropout.source().at("value"), name, dropout.p());
            }
        } else if (layer instanceof ActivationModel activation
                && activation.activation() == ActivationModel.Activation.LeakyReLU
                && !(activation.slope() >= 0 && Double.isFinite(activation.slope()))) {
            report.report(Problem.LEAKY_SLOPE_NEGATIVE, activation.source().at("value"), name, activation.slope());
        }
    }

    private static void positive(Report report, Source source, String stage, String kind, String attribute,
            int value) {
        if (value <= 0) {
            report.report(Problem.DIMENSION_NOT_POSITIVE, source.at(attribute), stage, kind, attribute, value);
        }
    }

    /** Parameters are named after the member, so a member holds at most one layer with weights. */
    private static void checkOneWeightedLayer(StageModel stage, Report report) {
        java.util.Optional<LayerModel> conv = stage.layers().stream().filter(l -> l instanceof Conv2dModel).findFirst();
        boolean linear = stage.layers().stream().anyMatch(l -> l instanceof LinearModel);
        if (conv.isPresent() && linear) {
            report.report(Problem.TWO_WEIGHTED_LAYERS, conv.get().source().location(), stage.name(), stage.name(),
                    stage.name());
        }
    }

    private static void checkSequence(List<StageModel> stages, List<LayerModel> sequence, Report report) {
        for (int i = 0; i < sequence.size(); i++) {
            LayerModel layer = sequence.get(i);
            if (i > 0 && layer.isActivation() && sequence.get(i - 1).isActivation()) {
                report.report(Problem.ACTIVATION_AFTER_ACTIVATION, layer.source().location(),
                        stages.get(i).name(), layer.kind(), sequence.get(i - 1).kind());
            }
            boolean isSoftmax = layer instanceof ActivationModel activation
                    && activation.activation() == ActivationModel.Activation.Softmax;
            if (isSoftmax && i < sequence.size() - 1) {
                report.report(Problem.SOFTMAX_NOT_LAST, layer.source().location(),
                        stages.get(i).name(), sequence.get(i + 1).kind(), stages.get(i + 1).name());
            }
        }
    }
}
