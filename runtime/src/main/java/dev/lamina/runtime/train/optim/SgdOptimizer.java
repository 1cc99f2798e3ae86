package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;

import dev.lamina.runtime.train.OptimizerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's SGD as {@code torch.optim.SGD(fused=True)} runs it: {@code g = grad + wd * w}; with momentum
 * {@code buf = momentum * buf + g} (the first step starts {@code buf = g}) and {@code g = buf}, or {@code g +
 * momentum * buf} for Nesterov; then {@code w -= lr * g}. One native call per step ({@code _fused_sgd_}),
 * which also clears the gradients; a step with a non-finite gradient changes nothing ({@link #skippedSteps()}). DJL's own SGD is not used: its momentum buffer holds {@code lr * g} and
 * so diverges from PyTorch as soon as a schedule changes the learning rate.
 */
public final class SgdOptimizer extends StatefulOptimizer {

    private final OptimizerSettings.Sgd settings;
    private final IValue weights;
    private final IValue momentumBuffers;
    private final IValue momentum;
    private final IValue weightDecay;
    private final IValue nesterov;

    public SgdOptimizer(OptimizerSettings.Sgd settings, Map<String, NDArray> parameters) {
        super(parameters);
        this.settings = settings;
        List<PtNDArray> buffers = new ArrayList<>();
        if (settings.momentum() > 0) {
            parameters.forEach((name, weight) ->
                    buffers.add((PtNDArray) state.zerosLike(name, "momentum_buffer", weight)));
        }
        this.weights = IValue.listFrom(parameters.values().stream().map(PtNDArray.class::cast).toArray(PtNDArray[]::new));
        this.momentumBuffers = IValue.listFrom(buffers.toArray(PtNDArray[]::new));
        this.momentum = IValue.from(settings.momentum());
        this.weightDecay = IValue.from(settings.weightDecay());
        this.nesterov = IValue.from(settings.nesterov());
    }

    @Override
    public void step(double learningRate) {
        try (IValue rate = IValue.from(learningRate);
                IValue firstStep = IValue.from(steps == 0)) {
            runStep("sgd", weights, momentumBuffers, foundInf, rate, momentum, weightDecay, nesterov, firstStep);
        }
    }

    @Override
    public void close() {
        for (IValue argument : new IValue[] {weights, momentumBuffers, momentum, weightDecay, nesterov}) {
            argument.close();
        }
        super.close();
    }

    @Override
    public String toString() {
        return "SGD (fused) " + settings;
    }
}
