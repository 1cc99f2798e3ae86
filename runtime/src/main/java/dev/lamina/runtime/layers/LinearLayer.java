package dev.lamina.runtime.layers;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;

import java.util.Optional;

/** {@code @Linear}: PyTorch's {@code nn.Linear}, including its initialisation. */
public record LinearLayer(long in, long out) implements LayerDefinition {

    @Override
    public String kind() {
        return "Linear";
    }

    @Override
    public Block createBlock() {
        Linear linear = Linear.builder().setUnits(out).optBias(true).build();
        // PyTorch draws weight and bias from U(-1/sqrt(in), 1/sqrt(in)) (kaiming_uniform with a=sqrt(5));
        // DJL's defaults (Xavier weights, zero bias) would train differently from the notebook.
        float bound = (float) (1.0 / Math.sqrt(in));
        for (Parameter parameter : linear.getDirectParameters().values()) {
            parameter.setInitializer(new UniformInitializer(bound));
        }
        return linear;
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.of(stageName + "." + djlParameterName);
    }
}
