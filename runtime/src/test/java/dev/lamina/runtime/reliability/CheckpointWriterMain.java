package dev.lamina.runtime.reliability;

import ai.djl.Device;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.io.SafeTensors;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child JVM of {@link CheckpointKillTest}: writes checkpoints of {@link ReliabilityNetworks#checkpointed()}
 * to one path in a tight loop until it is killed. In write number {@code k} every value of every tensor is
 * {@code k}, so a file that mixes two writes is detected. After each completed write it prints {@code wrote k}.
 *
 * <p>Arguments: {@code tensors|network target firstIteration}. {@code tensors} writes with
 * {@link SafeTensors#write} directly (no PyTorch, so the JVM starts in a fraction of a second); {@code network}
 * sets the parameters of a real {@link LaminaNetwork} and calls {@link LaminaNetwork#save}, as training does.
 */
public final class CheckpointWriterMain {

    /** A forgotten child stops by itself (and when the test JVM ends): the test kills it long before this. */
    private static final long MAX_MILLIS = 120_000;

    private CheckpointWriterMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path target = Path.of(args[1]);
        long first = Long.parseLong(args[2]);
        long deadline = System.currentTimeMillis() + MAX_MILLIS;
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(4)));
        Map<String, long[]> shapes = ReliabilityNetworks.checkpointedShapes();
        if (mode.equals("tensors")) {
            for (long k = first; System.currentTimeMillis() < deadline; k++) {
                Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
                    tensors.put(entry.getKey(), new SafeTensors.Tensor(entry.getValue(), filled(entry.getValue(), k)));
                }
                SafeTensors.write(target,
                        Map.of("lamina.network", ReliabilityNetworks.CHECKPOINTED, "iteration", Long.toString(k)),
                        tensors);
                report(k);
            }
        } else if (mode.equals("network")) {
            try (LaminaNetwork network = LaminaNetwork.create(ReliabilityNetworks.checkpointed(), Device.cpu(), 1)) {
                for (long k = first; System.currentTimeMillis() < deadline; k++) {
                    for (String name : network.parameterNames()) {
                        network.parameter(name).set(FloatBuffer.wrap(filled(shapes.get(name), k)));
                    }
                    network.save(target);
                    report(k);
                }
            }
        } else {
            throw new IllegalArgumentException("mode " + mode);
        }
        System.exit(3);
    }

    private static float[] filled(long[] shape, long k) {
        float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        Arrays.fill(values, k);
        return values;
    }

    private static void report(long k) {
        System.out.println("wrote " + k);
        System.out.flush();
    }
}
