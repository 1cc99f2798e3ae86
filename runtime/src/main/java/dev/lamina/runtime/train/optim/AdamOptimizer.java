package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;

import dev.lamina.runtime.ArrayValues;
import dev.lamina.runtime.train.OptimizerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's Adam as {@code torch.optim.Adam(fused=True)} runs it: one native call per step updates every
 * parameter with PyTorch's fused kernel ({@code _fused_adam_}: one pass over weight, gradient and both
 * moments, no temporaries), then clears the gradients.
 *
 * <p>The parameter and state lists are built once and handed to every call; the kernel updates the
 * arrays behind them in place. The step count lives in a tensor as in PyTorch, and the kernel derives the
 * bias corrections from it. A step with a non-finite gradient changes nothing (see {@link #skippedSteps()}).
 */
public final class AdamOptimizer extends StatefulOptimizer {

    /** Index of the learning rate in {@link #arguments}: the one argument a schedule changes between steps. */
    private static final int RATE = 5;

    private final OptimizerSettings.Adam settings;
    private final NDArray step;
    private final IValue[] arguments;
    private double argumentRate = Double.NaN;

    public AdamOptimizer(OptimizerSettings.Adam settings, Map<String, NDArray> parameters) {
        super(parameters);
        this.settings = settings;
        List<PtNDArray> weights = new ArrayList<>();
        List<PtNDArray> means = new ArrayList<>();
        List<PtNDArray> variances = new ArrayList<>();
        parameters.forEach((name, weight) -> {
            weights.add((PtNDArray) weight);
            means.add((PtNDArray) state.zerosLike(name, "exp_avg", weight));
            variances.add((PtNDArray) state.zerosLike(name, "exp_avg_sq", weight));
        });
        this.step = state.scratch().zeros(new Shape());
        this.arguments = new IValue[] {
            IValue.listFrom(weights.toArray(PtNDArray[]::new)),
            IValue.listFrom(means.toArray(PtNDArray[]::new)),
            IValue.listFrom(variances.toArray(PtNDArray[]::new)),
            IValue.from((PtNDArray) step),
            foundInf,
            null, // the learning rate, set by step()
            IValue.from(settings.beta1()),
            IValue.from(settings.beta2()),
            IValue.from(settings.weightDecay()),
            IValue.from(settings.eps()),
        };
    }

    @Override
    public void step(double learningRate) {
        if (learningRate != argumentRate) {
            if (arguments[RATE] != null) {
                arguments[RATE].close();
            }
            arguments[RATE] = IValue.from(learningRate);
            argumentRate = learningRate;
        }
        runStep("adam", arguments);
    }

    @Override
    public void restore(Map<String, float[]> values, long restoredSteps) {
        super.restore(values, restoredSteps);
        ArrayValues.overwrite(step, new float[] {restoredSteps});
    }

    @Override
    public void close() {
        for (IValue argument : arguments) {
            if (argument != null && argument != foundInf) { // foundInf is StatefulOptimizer's to close
                argument.close();
            }
        }
        super.close();
    }

    @Override
    public String toString() {
        return "Adam (fused) " + settings;
    }
}
