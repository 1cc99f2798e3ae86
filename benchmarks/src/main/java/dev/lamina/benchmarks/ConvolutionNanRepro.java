package dev.lamina.benchmarks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.OneDnnConvolutions;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.FlattenSpec;

import java.util.Random;

/**
 * Counts NaN gradients in identical backward passes through two stacked convolutions: with libtorch 2.7.1's
 * oneDNN convolutions ({@code -Dlamina.onednn=enabled}) the first convolution's weight gradient is NaN now and
 * then (1 to 50 of 3,000 passes on this project's machine; with {@code poison} NaN-filled blocks of the padded
 * weights' size freed before each pass, in most passes); with Lamina's default (oneDNN off in backward
 * passes) or {@code disabled} never. For
 * checking new native versions; {@code reference/onednn-nan/} has the same reproducer without Java.
 *
 * <pre>
 * java [-Dlamina.onednn=enabled] -cp 'benchmarks/target/classes:benchmarks/target/lib/*' \
 *     dev.lamina.benchmarks.ConvolutionNanRepro [passes [poison]]
 * </pre>
 */
public final class ConvolutionNanRepro {

    private ConvolutionNanRepro() {}

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int poison = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        LaminaEngine.setThreads(1);
        Architecture architecture = Architecture.builder("TwoConvolutions", 1, 28, 28)
                .stage("conv1", new Conv2dSpec(1, 3, 3, 1, 1, 1))
                .stage("conv2", new Conv2dSpec(3, 3, 3, 1, 1, 1))
                .stage("flat", new FlattenSpec())
                .build();
        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 1);
                NDManager manager = network.manager().newSubManager()) {
            Random random = new Random(3);
            float[] inputs = new float[32 * 784];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = random.nextFloat();
            }
            float[] weights = new float[32 * 3 * 784];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) random.nextGaussian();
            }
            NDArray x = manager.create(inputs, new Shape(32, 1, 28, 28));
            NDArray outputWeights = manager.create(weights, new Shape(32, 3 * 784));
            network.trainableArrays().values().forEach(p -> p.setRequiresGradient(true));
            NDArray conv1 = network.parameter("conv1.weight");
            int nonFinite = 0;
            for (int pass = 0; pass < passes; pass++) {
                try (NDManager scope = manager.newSubManager()) {
                    // 2,304 floats: 16 x 16 x 3 x 3, the weights padded to oneDNN's 16x16 blocks.
                    for (int i = 0; i < poison; i++) {
                        manager.full(new Shape(16 * 16 * 9), Float.NaN).close();
                    }
                    try (GradientCollector collector = LaminaEngine.get().newGradientCollector()) {
                        NDArray output = network.forwardTrain(x.duplicate());
                        output.attach(scope);
                        NDArray loss = output.mul(outputWeights).sum();
                        loss.attach(scope);
                        OneDnnConvolutions.backward(collector, loss);
                    }
                    try (NDArray gradient = conv1.getGradient()) {
                        for (float value : gradient.toFloatArray()) {
                            if (!Float.isFinite(value)) {
                                nonFinite++;
                                break;
                            }
                        }
                    }
                    network.trainableArrays().values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
                }
            }
            System.out.printf("oneDNN mode %s, %d poisoned block(s) per pass: conv1.weight gradient not finite in %d of %d"
                    + " identical backward passes%n", LaminaEngine.oneDnnMode(), poison,
                    nonFinite, passes);
        }
    }
}
