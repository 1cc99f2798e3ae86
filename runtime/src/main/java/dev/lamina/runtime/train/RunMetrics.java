package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's final numbers: what metrics.json holds and the report shows. Whether there was a test set and
 * whether the network is binary are explicit ({@link #test()}, {@link #binary()}), so no reader has to
 * guess them from missing keys.
 *
 * @param epochs the number of the last epoch trained (the first run's epochs included when resumed)
 * @param trainSeconds wall-clock seconds of this run's epochs, evaluation included
 * @param samplesPerSecond training samples per second over this run's epochs
 * @param finalTrainLoss mean minibatch loss of the last epoch
 * @param finalTrainAccuracy training accuracy after the last epoch
 * @param test the final network on the test set, when there is one
 * @param bestEpoch the epoch whose parameters are in best.safetensors, or 0 if none
 * @param peakRssMegabytes peak resident memory of the process
 * @param device where the network ran, as {@code Devices.describe} tells it
 * @param optimizer the optimizer's settings, as its {@code toString} tells them
 */
public record RunMetrics(
        String network,
        int epochs,
        int batchSize,
        int trainSamples,
        double trainSeconds,
        double samplesPerSecond,
        double finalTrainLoss,
        double finalTrainAccuracy,
        Optional<TestMetrics> test,
        int bestEpoch,
        boolean stoppedEarly,
        double peakRssMegabytes,
        String device,
        int threads,
        int seed,
        String optimizer,
        Loss loss) {

    /**
     * The final network on the test set.
     *
     * @param rocAuc present exactly for binary networks
     */
    public record TestMetrics(int samples, double loss, double accuracy, OptionalDouble rocAuc) {

        public TestMetrics {
            Objects.requireNonNull(rocAuc, "rocAuc");
        }
    }

    public RunMetrics {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
    }

    /** Whether the network ends in one logit trained with BCE-with-logits, rather than in class logits. */
    public boolean binary() {
        return loss == Loss.BCE_WITH_LOGITS;
    }

    public boolean hasTestSet() {
        return test.isPresent();
    }

    /**
     * The contents of metrics.json, in its order and with its keys: the test metrics only with a test set,
     * {@code test_roc_auc} only for binary networks, {@code test_samples} 0 without a test set.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", network);
        json.put("epochs", epochs);
        json.put("batch_size", batchSize);
        json.put("train_samples", trainSamples);
        json.put("test_samples", test.map(TestMetrics::samples).orElse(0));
        json.put("train_seconds", trainSeconds);
        json.put("samples_per_second", samplesPerSecond);
        json.put("final_train_loss", finalTrainLoss);
        json.put("final_train_accuracy", finalTrainAccuracy);
        test.ifPresent(t -> {
            json.put("test_loss", t.loss());
            json.put("test_accuracy", t.accuracy());
            t.rocAuc().ifPresent(auc -> json.put("test_roc_auc", auc));
        });
        json.put("best_epoch", bestEpoch);
        json.put("stopped_early", stoppedEarly);
        json.put("peak_rss_mb", peakRssMegabytes);
        json.put("device", device);
        json.put("threads", threads);
        json.put("seed", seed);
        json.put("optimizer", optimizer);
        json.put("loss", loss.name());
        return json;
    }
}
