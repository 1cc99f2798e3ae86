package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.Optional;

class ScratchMemoryTest {
    @Test
    void many(@TempDir Path output) throws Exception {
        Dataset train = TrainingFixtures.mnist("mnist_train_first1500.csv.gz");
        Dataset test = TrainingFixtures.mnist("mnist_test_first500.csv.gz");
        var arch = TrainingFixtures.smallMlp("M", 10, 0.2);
        for (int batch : new int[] {32, 250, 32, 250}) {
        var config = TrainingConfig.builder().epochs(Integer.getInteger("scratch.epochs", 10)).batchSize(batch).seed(7).loss(Loss.CROSS_ENTROPY)
            .optimizer(OptimizerSettings.Adam.defaults()).device("cpu").progressBar(false).outputDirectory(output.resolve("b" + batch + System.nanoTime())).build();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try (var r = Trainer.train(new TrainingJob(arch.name(), arch, "", config, Optional.empty()), config, new TrainTestData(train, test))) {
            System.setOut(old);
            StringBuilder sb = new StringBuilder("[scratch] batch " + batch + ": ");
            for (var e : r.history()) sb.append(String.format("%.1f ", e.rssMegabytes()));
            System.out.println(sb);
        }
        }
    }
}
