package dev.lamina.runtime.train;

import dev.lamina.dsl.Loss;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TaskKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's final numbers: what metrics.json holds and the report shows. The validation and test numbers are
 * those of the chosen parameters (the best epoch by the monitored metric, which is what the model file holds);
 * whether there was each set is explicit, so no reader has to guess it from missing keys.
 *
 * @param epochs the number of the last epoch trained (the first run's epochs included when resumed)
 * @param trainSeconds wall-clock seconds of this run's epochs, evaluation included
 * @param samplesPerSecond training samples per second over this run's epochs
 * @param finalTrainLoss mean minibatch loss of the last epoch
 * @param finalTrainAccuracy training accuracy after the last epoch (NaN for regression)
 * @param validation the chosen parameters on the validation set, when {@code @Split} carved one
 * @param test the chosen parameters on the test set, when there is one
 * @param bestEpoch the chosen epoch: the one whose parameters are in best.safetensors and the model file
 * @param monitor the metric that chose it
 * @param peakRssMegabytes peak resident memory of the process
 * @param device where the network ran, as {@code Devices.describe} tells it
 * @param optimizer the optimizer's settings, as its {@code toString} tells them
 * @param tasks the names of the label columns, in the order of the outputs
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
        Optional<SetMetrics> validation,
        Optional<SetMetrics> test,
        int bestEpoch,
        String monitor,
        boolean stoppedEarly,
        double peakRssMegabytes,
        String device,
        int threads,
        int seed,
        String optimizer,
        Loss loss,
        List<String> tasks) {

    /**
     * The chosen parameters on one set.
     *
     * @param epoch the epoch whose parameters were evaluated
     * @param means each measure of the network's kind: the loss over labelled entries, the mean over tasks of
     *     the per-task measures
     * @param perTask each per-task measure for every task, in the order of the outputs (empty for classes)
     * @param labelled the labelled entries of each task
     */
    public record SetMetrics(DataSplit split, int samples, int epoch, Map<Measure, Double> means,
            Map<Measure, double[]> perTask, int[] labelled) {

        public SetMetrics {
            Objects.requireNonNull(split, "split");
            means = Collections.unmodifiableMap(new EnumMap<>(means));
            perTask = Collections.unmodifiableMap(perTask.isEmpty() ? Map.of() : new EnumMap<>(perTask));
        }

        /** The value of {@code measure}, NaN if this set has none. */
        public double value(Measure measure) {
            return means.getOrDefault(measure, Double.NaN);
        }

        public double loss() {
            return value(Measure.LOSS);
        }

        public double accuracy() {
            return value(Measure.ACCURACY);
        }

        /** The mean ROC AUC over tasks, present exactly for yes/no tasks. */
        public OptionalDouble rocAuc() {
            return means.containsKey(Measure.ROC_AUC) ? OptionalDouble.of(means.get(Measure.ROC_AUC))
                    : OptionalDouble.empty();
        }
    }

    public RunMetrics {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        tasks = List.copyOf(tasks);
    }

    /** Whether the network predicts yes/no tasks with BCE-with-logits, rather than classes or numbers. */
    public boolean binary() {
        return loss == Loss.BCE_WITH_LOGITS;
    }

    public TaskKind kind() {
        return LossFunction.taskKind(loss);
    }

    public boolean hasTestSet() {
        return test.isPresent();
    }

    /**
     * The contents of metrics.json, in its order and with its keys: each set's metrics by their names ({@code
     * val_roc_auc}, {@code test_rmse}) only when the run had that set, per-task numbers under {@code
     * val_tasks}/{@code test_tasks} when there are several tasks, {@code test_samples} 0 without a test set.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", network);
        json.put("epochs", epochs);
        json.put("batch_size", batchSize);
        json.put("train_samples", trainSamples);
        json.put("validation_samples", validation.map(SetMetrics::samples).orElse(0));
        json.put("test_samples", test.map(SetMetrics::samples).orElse(0));
        json.put("train_seconds", trainSeconds);
        json.put("samples_per_second", samplesPerSecond);
        json.put("final_train_loss", finalTrainLoss);
        if (!Double.isNaN(finalTrainAccuracy)) {
            json.put("final_train_accuracy", finalTrainAccuracy);
        }
        validation.ifPresent(v -> putSet(json, v));
        test.ifPresent(t -> putSet(json, t));
        json.put("best_epoch", bestEpoch);
        json.put("monitor", monitor);
        json.put("stopped_early", stoppedEarly);
        json.put("peak_rss_mb", peakRssMegabytes);
        json.put("device", device);
        json.put("threads", threads);
        json.put("seed", seed);
        json.put("optimizer", optimizer);
        json.put("loss", loss.name());
        json.put("tasks", tasks);
        return json;
    }

    private void putSet(Map<String, Object> json, SetMetrics set) {
        String prefix = set.split().prefix();
        set.means().forEach((measure, value) -> json.put(prefix + "_" + measure.key(), value));
        if (tasks.size() > 1 && !set.perTask().isEmpty()) {
            Map<String, Object> byTask = new LinkedHashMap<>();
            for (int t = 0; t < tasks.size(); t++) {
                Map<String, Object> task = new LinkedHashMap<>();
                for (Map.Entry<Measure, double[]> entry : set.perTask().entrySet()) {
                    task.put(entry.getKey().key(), entry.getValue()[t]);
                }
                task.put("labelled", set.labelled()[t]);
                byTask.put(tasks.get(t), task);
            }
            json.put(prefix + "_tasks", byTask);
        }
    }
}
