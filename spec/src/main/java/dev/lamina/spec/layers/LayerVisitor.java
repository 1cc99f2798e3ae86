package dev.lamina.spec.layers;

/**
 * One method per layer kind, so that code which must handle every kind (building DJL blocks, for one) is
 * told by the compiler when a kind is added. Java 17 has no pattern-matching switch to do the same.
 */
public interface LayerVisitor<R> {

    R visitLinear(LinearSpec layer);

    R visitConv2d(Conv2dSpec layer);

    R visitMaxPool2d(MaxPool2dSpec layer);

    R visitAvgPool2d(AvgPool2dSpec layer);

    R visitFlatten(FlattenSpec layer);

    R visitBatchNorm(BatchNormSpec layer);

    R visitDropout(DropoutSpec layer);

    R visitReLU(ReLUSpec layer);

    R visitLeakyReLU(LeakyReLUSpec layer);

    R visitSigmoid(SigmoidSpec layer);

    R visitTanh(TanhSpec layer);

    R visitSoftmax(SoftmaxSpec layer);

    R visitGELU(GELUSpec layer);
}
