package dev.lamina.runtime.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.UniformInitializer;

import java.util.Optional;

/** {@code @Conv2d}: PyTorch's {@code nn.Conv2d} with a square kernel, including its initialisation. */
public record Conv2dLayer(long in, long out, int kernel, int stride, int padding, int dilation)
        implements LayerDefinition {

    @Override
    public String kind() {
        return "Conv2d";
    }

    @Override
    public Block createBlock() {
        Conv2d conv = Conv2d.builder()
                .setFilters(Math.toIntExact(out))
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optDilation(new Shape(dilation, dilation))
                .optBias(true)
                .build();
        // PyTorch: weight and bias uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)], fan_in = in * kernel^2.
        float bound = (float) (1.0 / Math.sqrt((double) in * kernel * kernel));
        for (Parameter parameter : conv.getDirectParameters().values()) {
            parameter.setInitializer(new UniformInitializer(bound));
        }
        return conv;
    }

    @Override
    public Optional<String> parameterName(String stageName, String djlParameterName) {
        return Optional.of(stageName + "." + djlParameterName);
    }
}
