package dev.lamina.runtime.train;

import static dev.lamina.runtime.train.TrainingFixtures.mnist;
import static dev.lamina.runtime.train.TrainingFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder that a user changed between a run and its resume: each failure says what is wrong, with
 * which file, and what to do, instead of a parse error or a bare path.
 */
class ResumeFailuresTest {

    private static TrainTestData data;

    @BeforeAll
    static void loadData() throws IOException {
        data = new TrainTestData(mnist("mnist_train_first1500.csv.gz").limit(200),
                mnist("mnist_test_first500.csv.gz").limit(100));
    }

    @Test
    void aParameterFileCopiedOverTheCheckpointIsNamedAsSuch(@TempDir Path output) throws IOException {
        Path run = trainTwoEpochs(output);
        Files.copy(run.resolve("last.safetensors"), run.resolve("checkpoint.safetensors"),
                StandardCopyOption.REPLACE_EXISTING);

        String message = resumeFails(output);
        assertTrue(message.startsWith("cannot resume from " + run.resolve("checkpoint.safetensors").toAbsolutePath()
                + ": it holds no training progress (no 'completed_epochs' in its metadata), so it is not a"
                + " checkpoint a Lamina run wrote; a parameter file such as last.safetensors copied over it looks"
                + " like this. Put back the run's own checkpoint.safetensors, or train without resume to start"
                + " over"), message);
    }

    @Test
    void aMissingHistoryIsNamedWithWhatToDo(@TempDir Path output) throws IOException {
        Path run = trainTwoEpochs(output);
        Files.delete(run.resolve("history.csv"));

        assertEquals("cannot resume: " + run.resolve("history.csv").toAbsolutePath() + " is missing, but the"
                + " checkpoint beside it was saved after epoch 2; put back the history.csv of that run, or train"
                + " without resume to start over", resumeFails(output));
    }

    @Test
    void aHistoryWithoutTheCheckpointsEpochsIsNamed(@TempDir Path output) throws IOException {
        Path run = trainTwoEpochs(output);
        Path history = run.resolve("history.csv");
        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
        Files.write(history, lines.subList(0, 2), StandardCharsets.UTF_8);

        assertEquals("cannot resume: " + history.toAbsolutePath() + " has no row for epoch 2, but the checkpoint"
                + " beside it was saved after epoch 2; put back the history.csv of that run, or train without"
                + " resume to start over", resumeFails(output));
    }

    private static Path trainTwoEpochs(Path output) throws IOException {
        train(config(output).epochs(2).build()).close();
        return output.resolve("Resumed/run_1");
    }

    private static String resumeFails(Path output) {
        return assertThrows(TrainingException.class, () -> train(config(output).epochs(3).resume(true).build()))
                .getMessage();
    }

    private static TrainingConfig.Builder config(Path output) {
        return TrainingConfig.builder().batchSize(32).seed(7).loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults()).device("cpu").progressBar(false)
                .outputDirectory(output);
    }

    private static TrainingResult train(TrainingConfig config) throws IOException {
        Architecture network = smallMlp("Resumed", 10, 0.0);
        TrainingJob job = new TrainingJob(network.name(), network, "summary\n", config, Optional.empty());
        return Trainer.train(job, config, data);
    }
}
