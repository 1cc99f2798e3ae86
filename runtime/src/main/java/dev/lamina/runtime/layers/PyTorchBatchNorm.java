package dev.lamina.runtime.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Batch normalisation over axis 1 as one call of {@code torch::batch_norm}, with PyTorch's momentum
 * convention. DJL's own BatchNorm routes every call through an axis swap, a sub-manager and DJL's inverted
 * momentum; for the feature axis of (N, C) and (N, C, H, W) inputs none of that is needed, and in a
 * training step it is per-call overhead that adds up.
 */
final class PyTorchBatchNorm extends AbstractBlock {

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final double eps;
    private final double momentum;

    PyTorchBatchNorm(long features, double eps, double momentum) {
        this.eps = eps;
        this.momentum = momentum;
        Shape shape = new Shape(features);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optShape(shape).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(shape).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optShape(shape).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optShape(shape).optRequiresGrad(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        PtNDArray input = (PtNDArray) inputs.singletonOrThrow();
        Device device = input.getDevice();
        return new NDList(JniUtils.batchNorm(input,
                (PtNDArray) store.getValue(runningMean, device, training),
                (PtNDArray) store.getValue(runningVar, device, training),
                (PtNDArray) store.getValue(gamma, device, training),
                (PtNDArray) store.getValue(beta, device, training),
                training, momentum, eps));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
