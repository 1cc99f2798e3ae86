package dev.lamina.runtime.train;

import static dev.lamina.runtime.train.TrainingFixtures.mnist;
import static dev.lamina.runtime.train.TrainingFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.io.SafeTensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A checkpoint is read only as far as the run's network and optimizer need: tensors neither keeps, and
 * values no run could have written, are refused by name before anything is restored.
 */
class HostileCheckpointTest {

    @Test
    void foreignOrNonFiniteCheckpointTensorsAreRefusedByName(@TempDir Path output) throws IOException {
        Architecture network = smallMlp("Tampered", 10, 0.0);
        TrainTestData data = new TrainTestData(mnist("mnist_train_first1500.csv.gz").limit(64),
                mnist("mnist_test_first500.csv.gz").limit(32));
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(32).seed(7).loss(Loss.CROSS_ENTROPY)
                .optimizer(OptimizerSettings.Adam.defaults()).device("cpu").progressBar(false)
                .outputDirectory(output).build();
        train(network, config, data);
        Path file = output.resolve("Tampered/run_1/checkpoint.safetensors");
        SafeTensors.Contents original = SafeTensors.read(file);
        TrainingConfig resume = config.toBuilder().epochs(2).resume(true).build();

        Map<String, SafeTensors.Tensor> extra = new LinkedHashMap<>(original.tensors());
        extra.put("optimizer/stranger", new SafeTensors.Tensor(new long[] {2}, new float[2]));
        SafeTensors.write(file, original.metadata(), extra);
        IOException stranger = assertThrows(IOException.class, () -> train(network, resume, data));
        assertTrue(stranger.getMessage().contains("holds optimizer state 'optimizer/stranger', which this run's"
                + " optimizer does not keep"), stranger.getMessage());

        Map<String, SafeTensors.Tensor> diverged = new LinkedHashMap<>(original.tensors());
        String moment = diverged.keySet().stream().filter(name -> name.startsWith("optimizer/")).findFirst()
                .orElseThrow();
        SafeTensors.Tensor tensor = diverged.get(moment);
        float[] values = tensor.data().clone();
        values[0] = Float.NaN;
        diverged.put(moment, new SafeTensors.Tensor(tensor.shape(), values));
        SafeTensors.write(file, original.metadata(), diverged);
        IOException nan = assertThrows(IOException.class, () -> train(network, resume, data));
        assertTrue(nan.getMessage().contains("tensor '" + moment + "' holds NaN at index 0"), nan.getMessage());
    }

    private static void train(Architecture network, TrainingConfig config, TrainTestData data) throws IOException {
        TrainingJob job = new TrainingJob(network.name(), network, "summary\n", config, Optional.empty());
        Trainer.train(job, config, data).close();
    }
}
