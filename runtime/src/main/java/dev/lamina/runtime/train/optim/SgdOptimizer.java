package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import dev.lamina.runtime.train.OptimizerSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch's SGD: {@code g = grad + wd * w}; with momentum {@code buf = momentum * buf + g} (the first
 * step starts {@code buf = g}) and {@code g = buf}, or {@code g + momentum * buf} for Nesterov; then
 * {@code w -= lr * g}. Written out rather than using DJL's fused SGD, whose momentum buffer holds {@code lr
 * * g} and so diverges from PyTorch as soon as a schedule changes the learning rate.
 */
public final class SgdOptimizer extends StatefulOptimizer {

    private final OptimizerSettings.Sgd settings;
    private final Map<NDArray, NDArray> momentumOf = new LinkedHashMap<>();
    private final Map<String, NDArray> parameters;

    public SgdOptimizer(OptimizerSettings.Sgd settings, Map<String, NDArray> parameters) {
        super(parameters);
        this.settings = settings;
        this.parameters = parameters;
        if (settings.momentum() > 0) {
            parameters.forEach((name, weight) -> momentumOf.put(weight, state.zerosLike(name, "momentum_buffer", weight)));
        }
    }

    @Override
    public void step(double learningRate) {
        for (NDArray weight : parameters.values()) {
            // DJL attaches a result to the manager of its first operand, which here is often the
            // network's or the optimizer's long-lived manager: every temporary is moved to the scope.
            try (NDManager scope = weight.getManager().newSubManager()) {
                NDArray direction = scoped(scope, weight.getGradient());
                if (settings.weightDecay() > 0) {
                    direction = direction.add(scoped(scope, weight.mul(settings.weightDecay())));
                }
                NDArray buffer = momentumOf.get(weight);
                if (buffer != null) {
                    if (steps == 0) {
                        buffer.addi(direction);
                    } else {
                        buffer.muli(settings.momentum()).addi(direction);
                    }
                    direction = settings.nesterov()
                            ? direction.add(scoped(scope, buffer.mul(settings.momentum())))
                            : buffer;
                }
                weight.subi(scoped(scope, direction.mul(learningRate)));
            }
            JniUtils.zeroGrad((PtNDArray) weight);
        }
        steps++;
    }

    private static NDArray scoped(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }
}
