package dev.lamina.benchmarks;

import dev.lamina.examples.MnistCnnStrongTrainer;
import dev.lamina.examples.MnistCnnTrainer;
import dev.lamina.examples.MnistMlpTrainer;
import dev.lamina.examples.Tox21SrMmpTrainer;
import dev.lamina.runtime.train.TrainingJob;

import java.util.Arrays;
import java.util.Locale;

/** The seed's networks the benchmark trains, each with its generated job (architecture, defaults, data). */
enum BenchmarkNetwork {
    MNIST_MLP("MnistMlp", MnistMlpTrainer.JOB),
    TOX21_SR_MMP("Tox21SrMmp", Tox21SrMmpTrainer.JOB),
    MNIST_CNN("MnistCnn", MnistCnnTrainer.JOB),
    MNIST_CNN_STRONG("MnistCnnStrong", MnistCnnStrongTrainer.JOB);

    private final String displayName;
    private final TrainingJob job;

    BenchmarkNetwork(String displayName, TrainingJob job) {
        this.displayName = displayName;
        this.job = job;
    }

    /** The name in the JSON lines, the same as pytorch_bench.py prints. */
    String displayName() {
        return displayName;
    }

    TrainingJob job() {
        return job;
    }

    /** By display name, case-insensitively. */
    static BenchmarkNetwork byName(String name) {
        return Arrays.stream(values())
                .filter(n -> n.displayName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown network '" + name + "'; choose one of "
                        + Arrays.stream(values()).map(BenchmarkNetwork::displayName).toList()));
    }
}
