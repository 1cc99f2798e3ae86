package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.TrainTestData;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Trains the small MNIST network for {@code args[1]} epochs into {@code args[0]}: the program {@link
 * TrainerTest} runs in a JVM of its own whose heap is committed and touched up front, so that the rss_mb
 * column of history.csv shows native memory (tensors, PyTorch's allocator) rather than the JVM's heap
 * growing into fresh pages.
 */
final class MemoryRun {

    private MemoryRun() {}

    public static void main(String[] args) throws Exception {
        Architecture network = TrainingFixtures.smallMlp("Memory", 10, 0.2);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(Integer.parseInt(args[1]))
                .batchSize(32)
                .seed(7)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults())
                .device("cpu")
                .progressBar(false)
                .outputDirectory(Path.of(args[0]))
                .build();
        TrainTestData data = new TrainTestData(TrainingFixtures.mnist("mnist_train_first1500.csv.gz"),
                TrainingFixtures.mnist("mnist_test_first500.csv.gz"));
        try (TrainingResult result = Trainer.train(
                new TrainingJob(network.name(), network, "", config, Optional.empty()), config, data)) {
            System.out.println("managed arrays " + result.network().manager().getManagedArrays().size());
        }
    }
}
