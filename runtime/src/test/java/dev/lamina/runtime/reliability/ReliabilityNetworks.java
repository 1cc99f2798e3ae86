package dev.lamina.runtime.reliability;

import dev.lamina.runtime.Architecture;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The networks the reliability tests save, kill and reload. */
final class ReliabilityNetworks {

    static final String CHECKPOINTED = "Checkpointed";

    private ReliabilityNetworks() {}

    /** The seed MNIST layout, 784-300-BN-ReLU-300-BN-ReLU-10: a 1.3 MB parameter file. */
    static Architecture checkpointed() {
        return mlp(CHECKPOINTED, 784, 300, 300);
    }

    /** {@code inputs}-{@code hidden1}-BN-ReLU-{@code hidden2}-BN-ReLU-10. */
    static Architecture mlp(String name, long inputs, long hidden1, long hidden2) {
        return Architecture.builder(name, inputs)
                .stage("hidden1", new LinearSpec(inputs, hidden1), new BatchNormSpec(hidden1, 1e-5, 0.1), new ReLUSpec())
                .stage("hidden2", new LinearSpec(hidden1, hidden2), new BatchNormSpec(hidden2, 1e-5, 0.1), new ReLUSpec())
                .stage("logits", new LinearSpec(hidden2, 10))
                .build();
    }

    /**
     * The parameter names and shapes of {@link #checkpointed()}, known without starting PyTorch so that a
     * child JVM can write files of that network in a fraction of a second; the parent loads them into the
     * real network, which proves the two agree.
     */
    static Map<String, long[]> checkpointedShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String stage : new String[] {"hidden1", "hidden2"}) {
            long in = stage.equals("hidden1") ? 784 : 300;
            shapes.put(stage + ".weight", new long[] {300, in});
            shapes.put(stage + ".bias", new long[] {300});
            shapes.put(stage + ".bn.weight", new long[] {300});
            shapes.put(stage + ".bn.bias", new long[] {300});
            shapes.put(stage + ".bn.running_mean", new long[] {300});
            shapes.put(stage + ".bn.running_var", new long[] {300});
        }
        shapes.put("logits.weight", new long[] {10, 300});
        shapes.put("logits.bias", new long[] {10});
        return shapes;
    }
}
