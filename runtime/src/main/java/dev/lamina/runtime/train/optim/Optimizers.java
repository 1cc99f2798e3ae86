package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;

import dev.lamina.runtime.train.OptimizerSettings;

import java.util.Map;

/** Creates the optimizer the settings describe. */
public final class Optimizers {

    private Optimizers() {}

    public static Optimizer create(OptimizerSettings settings, Map<String, NDArray> trainableParameters) {
        if (settings instanceof OptimizerSettings.Adam adam) {
            return new AdamOptimizer(adam, trainableParameters);
        }
        return new SgdOptimizer((OptimizerSettings.Sgd) settings, trainableParameters);
    }
}
