package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.MnistLayout;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook-09 CNN as the notebook writes it (one BatchNorm after Flatten) trains on real MNIST images
 * with a finite, falling loss and without a skipped step.
 */
class ConvolutionTrainingTest {

    @Test
    void notebookCnnTrainsWithAFiniteLoss(@TempDir Path output) throws IOException {
        Architecture cnn = Architecture.builder("NotebookCnn", 1, 28, 28)
                .stage("conv1", new Conv2dSpec(1, 3, 3, 1, 1, 1), new ReLUSpec(), new MaxPool2dSpec(2, 2, 0))
                .stage("conv2", new Conv2dSpec(3, 6, 3, 1, 1, 1), new ReLUSpec(), new MaxPool2dSpec(2, 2, 0))
                .stage("flat", new FlattenSpec(), new BatchNormSpec(294, 1e-5, 0.1), new DropoutSpec(0.2))
                .stage("logits", new LinearSpec(294, 10))
                .build();
        TrainTestData data = new TrainTestData(
                TrainingFixtures.mnist("mnist_train_first1500.csv.gz", MnistLayout.IMAGE),
                TrainingFixtures.mnist("mnist_test_first500.csv.gz", MnistLayout.IMAGE));
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(32).seed(7).learningRate(1e-4)
                .loss(Loss.CROSS_ENTROPY).device("cpu").progressBar(false).outputDirectory(output).build();
        try (TrainingResult result = Trainer.train(
                new TrainingJob("NotebookCnn", cnn, "summary\n", config, Optional.empty()), config, data)) {
            EpochResult last = result.lastEpoch();
            assertTrue(Double.isFinite(last.trainLoss()) && Double.isFinite(last.testLoss()), last.toString());
            assertTrue(last.trainLoss() < result.history().get(0).trainLoss() + 1e-9, "the loss goes down");
            assertEquals(0, result.history().stream().mapToLong(EpochResult::skippedSteps).sum(), "skipped steps");
        }
    }
}
