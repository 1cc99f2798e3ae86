package dev.lamina.runtime;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.OptimizerSettings;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingJob;
import dev.lamina.runtime.train.TrainingResult;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Random;

/**
 * For {@link DropoutAcrossJvmsTest}: trains a small Linear-BatchNorm-ReLU-Dropout MLP with a fixed seed
 * while a daemon thread keeps asking for garbage collections, and prints one line {@code RESULT <epoch losses
 * as raw bits> params <SHA-256 of every parameter's float bits>}.
 *
 * <p>Arguments: the run folder. The collections make the moments at which the JVM frees memory (direct
 * buffers behind DJL's Java-number scalars, unreachable NDArrays) fall at different steps in every process:
 * a run whose numbers depend on such a moment no longer repeats.
 */
public final class DropoutTrainingMain {

    static final String RESULT = "RESULT ";

    private static final int SAMPLES = 1024;
    private static final int FEATURES = 64;
    private static final int CLASSES = 10;

    private DropoutTrainingMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Thread collector = new Thread(() -> {
            try {
                while (true) {
                    System.gc();
                    Thread.sleep(3);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gc-storm");
        collector.setDaemon(true);
        collector.start();

        Architecture architecture = Architecture.builder("DropoutRepeat", FEATURES)
                .stage("hidden1", new LinearSpec(FEATURES, 128), new BatchNormSpec(128, 1e-5, 0.1), new ReLUSpec(),
                        new DropoutSpec(0.2))
                .stage("hidden2", new LinearSpec(128, 128), new BatchNormSpec(128, 1e-5, 0.1), new ReLUSpec(),
                        new DropoutSpec(0.5))
                .stage("logits", new LinearSpec(128, CLASSES))
                .build();
        TrainingConfig config = TrainingConfig.builder()
                .epochs(3)
                .batchSize(32)
                .seed(11)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new OptimizerSettings.Adam(1e-3, 0.9, 0.999, 1e-8, 0.0))
                .outputDirectory(Path.of(args[0]))
                .progressBar(false)
                // The trainer's own lines would only clutter the one line the test reads.
                .out(new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .build();
        TrainingJob job = new TrainingJob("DropoutRepeat", architecture, "DropoutRepeat\n", config, Optional.empty());
        StringBuilder line = new StringBuilder(RESULT);
        try (TrainingResult result = Trainer.train(job, config, data())) {
            for (EpochResult epoch : result.history()) {
                line.append(Long.toHexString(Double.doubleToRawLongBits(epoch.trainLoss()))).append(' ');
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : result.network().parameterNames()) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                for (float value : result.network().parameter(name).toFloatArray()) {
                    int bits = Float.floatToRawIntBits(value);
                    digest.update(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8),
                            (byte) bits});
                }
            }
            line.append("params ").append(java.util.HexFormat.of().formatHex(digest.digest()));
        }
        out.println(line);
        out.flush();
        System.exit(0);
    }

    /** Ten classes, each a Gaussian blob around its own random centre: learnable, but not in one step. */
    private static TrainTestData data() {
        Random random = new Random(3);
        float[][] centres = new float[CLASSES][FEATURES];
        for (float[] centre : centres) {
            for (int j = 0; j < FEATURES; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        float[] features = new float[SAMPLES * FEATURES];
        float[] labels = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int label = i % CLASSES;
            labels[i] = label;
            for (int j = 0; j < FEATURES; j++) {
                features[i * FEATURES + j] = centres[label][j] + 1.5f * (float) random.nextGaussian();
            }
        }
        return new TrainTestData(Dataset.of("blobs", features, new long[] {FEATURES}, labels), null);
    }
}
