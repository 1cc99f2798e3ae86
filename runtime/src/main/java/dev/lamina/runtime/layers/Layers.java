package dev.lamina.runtime.layers;

/**
 * The layers a Lamina network is made of, one factory per DSL annotation. Generated code calls these;
 * the arguments are the values the processor inferred and checked.
 */
public final class Layers {

    private Layers() {}

    public static LayerDefinition linear(long in, long out) {
        return new LinearLayer(in, out);
    }

    public static LayerDefinition batchNorm(long features, double eps, double momentum) {
        return new BatchNormLayer(features, eps, momentum);
    }

    public static LayerDefinition conv2d(long in, long out, int kernel, int stride, int padding, int dilation) {
        return new Conv2dLayer(in, out, kernel, stride, padding, dilation);
    }

    public static LayerDefinition maxPool2d(int kernel, int stride, int padding) {
        return new PoolLayer("MaxPool2d", kernel, stride, padding);
    }

    public static LayerDefinition avgPool2d(int kernel, int stride, int padding) {
        return new PoolLayer("AvgPool2d", kernel, stride, padding);
    }

    public static LayerDefinition flatten() {
        return new FlattenLayer();
    }

    public static LayerDefinition dropout(double p) {
        return new DropoutLayer(p);
    }

    public static LayerDefinition relu() {
        return ActivationLayer.relu();
    }

    public static LayerDefinition leakyRelu(double slope) {
        return ActivationLayer.leakyRelu(slope);
    }

    public static LayerDefinition sigmoid() {
        return ActivationLayer.sigmoid();
    }

    public static LayerDefinition tanh() {
        return ActivationLayer.tanh();
    }

    public static LayerDefinition softmax() {
        return ActivationLayer.softmax();
    }
}
