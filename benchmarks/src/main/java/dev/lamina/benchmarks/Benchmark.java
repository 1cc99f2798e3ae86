package dev.lamina.benchmarks;

import dev.lamina.runtime.LaminaEngine;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.train.TrainingJob;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Training speed of the seed's networks, one JSON line per configuration on standard output (everything
 * else, including the harness's own epoch lines, goes to standard error).
 *
 * <p>PyTorch fixes its intra-op thread count when the engine starts, once per JVM, so one JVM measures one
 * thread count: asked for several, this program starts one child JVM per count, one after the other. Each
 * JVM loads every data set once and reuses it for all configurations.
 *
 * <p>Run it through {@code benchmarks/compare.sh}, which builds, alternates with PyTorch and prints the table.
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String... args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (BenchmarkOptions.UsageException | IllegalArgumentException e) {
            boolean help = BenchmarkOptions.USAGE.equals(e.getMessage());
            (help ? System.out : System.err).println(e.getMessage());
            System.exit(help ? 0 : 2);
            return;
        }
        try {
            int status = options.threads().size() == 1
                    ? runHere(options, options.threads().get(0))
                    : runChildren(options, args);
            System.exit(status);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** Measures every configuration in this JVM with {@code threads} intra-op threads (0: Lamina's default). */
    private static int runHere(BenchmarkOptions options, int threads) throws IOException {
        PrintStream results = System.out;
        System.setOut(System.err);
        if (threads > 0) {
            LaminaEngine.setThreads(threads);
        }
        String threadSetting = threads > 0 ? "explicit" : "default";
        Map<BenchmarkNetwork, TrainTestData> loaded = new EnumMap<>(BenchmarkNetwork.class);
        for (BenchmarkOptions.NetworkBatch networkBatch : options.configurations()) {
            BenchmarkNetwork network = networkBatch.network();
            for (String impl : options.impls()) {
                if (!Configuration.supported(impl, network, options.rawOnAllNetworks())) {
                    continue;
                }
                TrainTestData data = loaded.get(network);
                if (data == null) {
                    data = load(network.job(), options.repoRoot());
                    loaded.put(network, data);
                }
                Configuration configuration = new Configuration(impl, network, networkBatch.batchSize());
                System.err.println("[benchmark] " + configuration + ", threads " + LaminaEngine.threads());
                System.gc();
                PeakMemory.reset();
                int batchSize = configuration.batchSize();
                int epochs = options.timedEpochs();
                double seconds = switch (impl) {
                    case Configuration.LAMINA -> HarnessRun.fastestEpochSeconds(configuration, data, threads, epochs,
                            options.outputDirectory().resolve("batch" + batchSize + "-threads" + LaminaEngine.threads()));
                    case Configuration.DJL_RAW -> RawDjlLoop.fastestEpochSeconds(network, data.train(), batchSize,
                            epochs, options.rawAdam());
                    case Configuration.SCRIPT_STEP -> WholeStepLoop.fastestEpochSeconds(network, data.train(),
                            batchSize, epochs, WholeStepLoop.Granularity.STEP);
                    case Configuration.SCRIPT_EPOCH -> WholeStepLoop.fastestEpochSeconds(network, data.train(),
                            batchSize, epochs, WholeStepLoop.Granularity.EPOCH);
                    default -> throw new IllegalStateException("unknown impl " + impl);
                };
                Measurement measurement = new Measurement(configuration, LaminaEngine.threads(), threadSetting,
                        data.train().size(), epochs, seconds, PeakMemory.megabytes());
                results.println(measurement.toJson());
                results.flush();
            }
        }
        return 0;
    }

    private static TrainTestData load(TrainingJob job, Path repoRoot) throws IOException {
        long start = System.nanoTime();
        TrainTestData data = job.dataSource()
                .orElseThrow(() -> new IllegalStateException(job.networkName() + " declares no data source"))
                .get()
                .load(new DataContext(repoRoot.resolve("examples")));
        System.err.printf("[benchmark] loaded %s data: %d training samples in %.1f s%n", job.networkName(),
                data.train().size(), (System.nanoTime() - start) / 1e9);
        return data;
    }

    /** One child JVM per thread count, in order, each with this JVM's class path; their output passes through. */
    private static int runChildren(BenchmarkOptions options, String[] args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (int threads : options.threads()) {
            // The heap settings and glibc thresholds of `mvn lamina:train`'s JVM (ForkedTraining).
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmn64m", "-XX:+AlwaysPreTouch",
                    "-XX:MinHeapFreeRatio=10", "-XX:GCTimeRatio=4", "-cp",
                    System.getProperty("java.class.path"), Benchmark.class.getName()));
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].equals("--threads") && !args[i].equals("--repo-root")) {
                    command.add(args[i]);
                    command.add(args[i + 1]);
                }
            }
            command.addAll(List.of("--repo-root", options.repoRoot().toString(),
                    "--threads", threads == 0 ? "default" : Integer.toString(threads)));
            ProcessBuilder child = new ProcessBuilder(command).inheritIO();
            child.environment().putIfAbsent("MALLOC_MMAP_THRESHOLD_", "33554432");
            child.environment().putIfAbsent("MALLOC_TRIM_THRESHOLD_", "4294967295");
            child.environment().putIfAbsent("MALLOC_TOP_PAD_", "67108864");
            int status = child.start().waitFor();
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }
}
