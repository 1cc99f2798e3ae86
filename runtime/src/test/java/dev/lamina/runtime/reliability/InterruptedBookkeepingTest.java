package dev.lamina.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.OptimizerSettings;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingJob;
import dev.lamina.runtime.train.TrainingResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * After each epoch the trainer writes, each atomically but one after the other: best and last parameters,
 * history.csv, then checkpoint.safetensors. A SIGKILL between the history and the checkpoint (the
 * checkpoint, with the optimizer state, is the largest file, so this window is the longest) leaves a run
 * folder whose history is one epoch ahead of its checkpoint. This test builds exactly that folder, without
 * the timing luck of a real kill, and resumes it: the resumed run must repeat the lost epoch once, not list
 * it twice.
 */
class InterruptedBookkeepingTest {

    @TempDir Path directory;

    @Test
    void resumingAfterAKillBetweenHistoryAndCheckpointListsEachEpochOnce() throws IOException {
        Architecture network = ReliabilityNetworks.mlp("Interrupted", 20, 16, 8);
        TrainTestData data = randomData(96);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(1)
                .batchSize(32)
                .seed(3)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults())
                .device("cpu")
                .progressBar(false)
                .outputDirectory(directory)
                .build();
        Path run = directory.resolve("Interrupted/run_1");
        train(network, config, data).close();
        Path afterEpoch1 = Files.copy(run.resolve("checkpoint.safetensors"), directory.resolve("epoch1.safetensors"));
        train(network, config.toBuilder().epochs(2).resume(true).build(), data).close();
        assertEquals(List.of("1", "2"), epochs(run));
        // The kill: epoch 2's history row is on disk, its checkpoint never replaced epoch 1's.
        Files.copy(afterEpoch1, run.resolve("checkpoint.safetensors"), StandardCopyOption.REPLACE_EXISTING);

        try (TrainingResult resumed = train(network, config.toBuilder().epochs(3).resume(true).build(), data)) {
            assertEquals(List.of(1, 2, 3), resumed.history().stream().map(e -> e.epoch()).toList(),
                    "the history of the resumed run");
        }
        assertEquals(List.of("1", "2", "3"), epochs(run), "the epochs in history.csv");
    }

    @Test
    void aResumedRunRemovesTheTemporaryFilesOfWritesAKilledRunNeverFinished() throws IOException {
        Architecture network = ReliabilityNetworks.mlp("Leftovers", 20, 16, 8);
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(32).device("cpu").progressBar(false)
                .outputDirectory(directory).build();
        train(network, config, randomData(64)).close();
        // The run was killed while writing: its folder holds a temporary file that never replaced its target.
        Path run = directory.resolve("Leftovers/run_1");
        Path leftover = Files.writeString(run.resolve(".checkpoint.safetensors.4711.partial"), "half a checkpoint");
        Path unrelated = Files.writeString(run.resolve("notes.txt"), "mine");
        train(network, config.toBuilder().epochs(2).resume(true).build(), randomData(64)).close();
        assertFalse(Files.exists(leftover), "the unfinished write is gone");
        assertTrue(Files.exists(unrelated), "other files are left alone");
    }

    private static List<String> epochs(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("history.csv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")[0]).toList();
    }

    private static TrainingResult train(Architecture network, TrainingConfig config, TrainTestData data)
            throws IOException {
        return Trainer.train(new TrainingJob(network.name(), network, "", config, Optional.empty()), config, data);
    }

    private static TrainTestData randomData(int samples) {
        Random random = new Random(5);
        float[] features = new float[samples * 20];
        float[] labels = new float[samples];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextFloat();
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = i % 10;
        }
        return new TrainTestData(Dataset.of("random", features, new long[] {20}, labels), null);
    }
}
