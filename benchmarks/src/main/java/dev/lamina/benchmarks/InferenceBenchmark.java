package dev.lamina.benchmarks;

import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.model.BatchingPredictor;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.train.MemoryProbe;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prediction speed of trained models from raw input, one JSON line per measurement on standard output:
 * MnistMlp from an image's raw pixels, Tox21SrMmp from a SMILES string (the model fingerprints it with CDK
 * in every call). For each model:
 *
 * <ul>
 *   <li>{@code latency}: one caller, {@code predict(one row)} timed call by call: p50, p99; also through a
 *       {@link BatchingPredictor}, where a lone caller waits out {@code maxWait};
 *   <li>{@code throughput}: 1, 2 and 8 caller threads sharing one {@link LaminaModel}, each calling
 *       {@code predict(one row)} directly ({@code direct}) or through one {@link BatchingPredictor}
 *       ({@code micro-batched}): rows per second;
 *   <li>{@code batch}: one caller predicting {@code predict(List)} of 32 rows per call: rows per second;
 *   <li>{@code rss} (with {@code --rss N}): N single-row predictions, the resident size sampled along the way.
 * </ul>
 *
 * <p>{@code benchmarks/inference.sh} runs it next to {@code pytorch_inference_bench.py} and prints the table.
 */
public final class InferenceBenchmark {

    private final InferenceOptions options;
    private final PrintStream results;

    private InferenceBenchmark(InferenceOptions options, PrintStream results) {
        this.options = options;
        this.results = results;
    }

    public static void main(String... args) {
        InferenceOptions options;
        try {
            options = InferenceOptions.parse(args);
        } catch (BenchmarkOptions.UsageException | IllegalArgumentException e) {
            boolean help = InferenceOptions.USAGE.equals(e.getMessage());
            (help ? System.out : System.err).println(e.getMessage());
            System.exit(help ? 0 : 2);
            return;
        }
        PrintStream results = System.out;
        System.setOut(System.err);
        try {
            LaminaEngine.setThreads(options.threads());
            InferenceBenchmark benchmark = new InferenceBenchmark(options, results);
            if (options.mnistModel() != null) {
                benchmark.measure(options.mnistModel(), float[].class, RawInputs.mnistPixels(options.repoRoot()));
            }
            if (options.tox21Model() != null) {
                benchmark.measure(options.tox21Model(), String.class, RawInputs.tox21Smiles(options.repoRoot()));
            }
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private <R> void measure(Path file, Class<R> rawType, List<R> raws) throws Exception {
        try (LaminaModel<R> model = LaminaModel.load(file, rawType)) {
            List<R> inputs = usable(model, raws);
            int n = inputs.size();
            String network = model.networkName();
            System.err.printf("[inference] %s: %d inputs, %d intra-op thread(s)%n", network, n, LaminaEngine.threads());

            PredictionCall direct = i -> {
                model.predict(inputs.get(i));
                return 1;
            };
            Latency.Percentiles latency = Latency.measure(direct, n, options.latencyCalls());
            emit(network, "latency", "direct", 1, 1, latency, 1e6 / latency.mean());
            try (BatchingPredictor<R> batcher = new BatchingPredictor<>(model, options.maxBatch(), options.maxWait())) {
                PredictionCall batched = i -> {
                    batcher.predict(inputs.get(i));
                    return 1;
                };
                // A lone caller waits out maxWait each time: fewer calls, the same percentiles.
                int calls = (int) Math.max(100, Math.min(options.latencyCalls(),
                        2e6 / Math.max(1, options.maxWait().toNanos() / 1000)));
                Latency.Percentiles alone = Latency.measure(batched, n, calls);
                emit(network, "latency", "micro-batched", 1, 1, alone, 1e6 / alone.mean());
                for (int callers : options.callers()) {
                    emit(network, "throughput", "direct", callers, 1, null,
                            Throughput.rowsPerSecond(direct, n, callers, options.seconds()));
                    emit(network, "throughput", "micro-batched", callers, 1, null,
                            Throughput.rowsPerSecond(batched, n, callers, options.seconds()));
                }
            }
            int size = Math.min(options.batchSize(), n);
            PredictionCall batch = i -> {
                int from = Math.min(i, n - size);
                return model.predict(inputs.subList(from, from + size)).size();
            };
            Latency.Percentiles batchLatency = Latency.measure(batch, n, Math.max(100, options.latencyCalls() / size));
            emit(network, "batch", "direct", 1, size, batchLatency,
                    Throughput.rowsPerSecond(batch, n, 1, options.seconds()));
            if (options.rssPredictions() > 0) {
                rss(network, direct, n);
            }
        }
    }

    /** The inputs the model accepts; Tox21 has a few SMILES CDK cannot read, as training skipped them. */
    private static <R> List<R> usable(LaminaModel<R> model, List<R> raws) {
        List<R> usable = new ArrayList<>(raws.size());
        for (R raw : raws) {
            try {
                model.predict(raw);
                usable.add(raw);
            } catch (InvalidInputException e) {
                System.err.println("[inference] skipped an input the model refuses: " + e.getMessage());
            }
        }
        return usable;
    }

    private void rss(String network, PredictionCall direct, int n) throws Exception {
        System.gc();
        List<ResidentMemoryRun.Sample> samples = ResidentMemoryRun.run(direct, n, options.rssPredictions(),
                options.rssCallers(), options.rssSamples());
        List<Long> counts = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> megabytes = new ArrayList<>();
        for (ResidentMemoryRun.Sample sample : samples) {
            System.err.printf("[inference] %s: %,d predictions, %.1f s, RSS %.1f MB%n", network,
                    sample.predictions(), sample.seconds(), sample.residentMegabytes());
            counts.add(sample.predictions());
            seconds.add(sample.seconds());
            megabytes.add(sample.residentMegabytes());
        }
        results.println(base(network, "rss", "direct", options.rssCallers(), 1)
                .put("predictions", options.rssPredictions())
                .put("sample_predictions", counts)
                .put("sample_seconds", seconds)
                .put("sample_rss_mb", megabytes));
        results.flush();
    }

    private void emit(String network, String scenario, String mode, int callers, int batchSize,
            Latency.Percentiles latency, double rowsPerSecond) {
        JsonLine line = base(network, scenario, mode, callers, batchSize);
        if (latency != null) {
            line.put("calls", latency.calls()).put("p50_us", latency.p50()).put("p99_us", latency.p99())
                    .put("mean_us", latency.mean());
        }
        line.put("rows_per_second", rowsPerSecond).put("rss_mb", MemoryProbe.residentMegabytes());
        System.err.println("[inference] " + line);
        results.println(line);
        results.flush();
    }

    private JsonLine base(String network, String scenario, String mode, int callers, int batchSize) {
        JsonLine line = new JsonLine().put("impl", "lamina").put("network", network).put("scenario", scenario)
                .put("mode", mode).put("callers", callers).put("batch_size", batchSize)
                .put("threads", LaminaEngine.threads());
        if (mode.equals("micro-batched")) {
            line.put("max_batch", options.maxBatch()).put("max_wait_us", options.maxWait().toNanos() / 1000);
        }
        return line;
    }
}
