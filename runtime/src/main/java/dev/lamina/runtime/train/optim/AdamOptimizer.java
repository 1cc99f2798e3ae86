package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import dev.lamina.runtime.train.OptimizerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's Adam, one fused native call per parameter (DJL's {@code adamUpdate}, which also clears the
 * gradient), with PyTorch's bias correction.
 *
 * <p>PyTorch divides the bias-corrected moments: {@code w -= lr/c1 * m / (sqrt(v)/sqrt(c2) + eps)}, with
 * {@code c1 = 1 - beta1^t}, {@code c2 = 1 - beta2^t}. The fused op computes {@code w -= a * m / (sqrt(v) +
 * e)}; multiplying through by {@code sqrt(c2)} gives {@code a = lr sqrt(c2) / c1} and {@code e = eps
 * sqrt(c2)}: the same update, exactly.
 */
public final class AdamOptimizer extends StatefulOptimizer {

    private record Slot(PtNDArray weight, PtNDArray mean, PtNDArray variance) {}

    private final OptimizerSettings.Adam settings;
    private final List<Slot> slots = new ArrayList<>();

    public AdamOptimizer(OptimizerSettings.Adam settings, Map<String, NDArray> parameters) {
        super(parameters);
        this.settings = settings;
        parameters.forEach((name, weight) -> slots.add(new Slot((PtNDArray) weight,
                (PtNDArray) state.zerosLike(name, "exp_avg", weight),
                (PtNDArray) state.zerosLike(name, "exp_avg_sq", weight))));
    }

    @Override
    public void step(double learningRate) {
        steps++;
        double c1 = 1 - Math.pow(settings.beta1(), steps);
        double sqrtC2 = Math.sqrt(1 - Math.pow(settings.beta2(), steps));
        float correctedRate = (float) (learningRate * sqrtC2 / c1);
        float correctedEps = (float) (settings.eps() * sqrtC2);
        for (Slot slot : slots) {
            try (NDArray gradient = slot.weight().getGradient()) {
                JniUtils.adamUpdate(slot.weight(), (PtNDArray) gradient, slot.mean(), slot.variance(),
                        (float) learningRate, correctedRate, (float) settings.weightDecay(), 1f, -1f,
                        (float) settings.beta1(), (float) settings.beta2(), correctedEps, false);
            }
            JniUtils.zeroGrad(slot.weight());
        }
    }
}
