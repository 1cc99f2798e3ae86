package dev.lamina.runtime.reliability;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.cli.TrainingCommandLine;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingJob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A generated trainer's {@code main} in miniature, for child JVMs: a 4-{@code width}-3 network on 64 random
 * samples, run through {@link TrainingCommandLine} exactly as {@code MnistMlpTrainer.main} runs it.
 *
 * <p>Arguments: {@code width outputDirectory [trainer options...]}. Prints {@code trainer returned <code>}
 * when {@link TrainingCommandLine#run} returns, so a test can tell a handled failure from a dead JVM.
 */
public final class TrainerMain {

    private TrainerMain() {}

    public static void main(String[] args) {
        long width = Long.parseLong(args[0]);
        Architecture network = Architecture.builder("Wide", 4)
                .stage("hidden", new LinearSpec(4, width), new ReLUSpec())
                .stage("logits", new LinearSpec(width, 3))
                .build();
        DataSource<float[]> data = context -> {
            Random random = new Random(1);
            float[] features = new float[64 * 4];
            float[] labels = new float[64];
            for (int i = 0; i < features.length; i++) {
                features[i] = random.nextFloat();
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i % 3;
            }
            return new TrainTestData(Dataset.of("random", features, new long[] {4}, labels), null);
        };
        TrainingConfig defaults = TrainingConfig.builder().epochs(1).batchSize(16).loss(Loss.CROSS_ENTROPY).build();
        TrainingJob job = new TrainingJob("Wide", network, "Wide: 4-" + width + "-3\n", defaults, Optional.of(() -> data));
        List<String> options = new ArrayList<>(List.of("--output", args[1], "--no-progress"));
        options.addAll(Arrays.asList(args).subList(2, args.length));
        int code = TrainingCommandLine.run(job, options.toArray(String[]::new));
        System.out.println("trainer returned " + code);
        System.exit(code);
    }
}
