package dev.lamina.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link InferenceBenchmark}.
 *
 * @param mnistModel MnistMlp's model file ({@code <run>/MnistMlp.lamina.safetensors}), or null to skip it
 * @param tox21Model Tox21SrMmp's model file, or null to skip it
 * @param callers the caller thread counts of the throughput runs
 * @param seconds how long each throughput run is timed, after a warm-up as long
 * @param latencyCalls single-row predictions timed one by one for the latency percentiles
 * @param maxBatch, maxWait the {@code BatchingPredictor}'s settings
 * @param rssPredictions predictions of the memory run (0: none), by {@code rssCallers} threads
 */
record InferenceOptions(Path repoRoot, Path mnistModel, Path tox21Model, int threads, List<Integer> callers,
        double seconds, int latencyCalls, int batchSize, int maxBatch, Duration maxWait, long rssPredictions,
        int rssCallers, int rssSamples) {

    static final String USAGE = String.join("\n",
            "Usage: java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' "
                    + "dev.lamina.benchmarks.InferenceBenchmark [options]",
            "Prediction latency and throughput of trained models from raw input, one JSON line per measurement",
            "on standard output (everything else: standard error).",
            "  --mnist FILE        MnistMlp's model file (<run>/MnistMlp.lamina.safetensors)",
            "  --tox21 FILE        Tox21SrMmp's model file (<run>/Tox21SrMmp.lamina.safetensors)",
            "  --threads N         PyTorch intra-op threads (default: 1)",
            "  --callers LIST      caller threads of the throughput runs (default: 1,2,8)",
            "  --seconds S         timed seconds per throughput run, after as long a warm-up (default: 5)",
            "  --latency-calls N   single-row predictions timed one by one (default: 20000)",
            "  --batch N           rows per call of the batched run (default: 32)",
            "  --max-batch N       BatchingPredictor's maxBatch (default: 32)",
            "  --max-wait-us N     BatchingPredictor's maxWait in microseconds (default: 2000)",
            "  --rss N             also N predictions with the resident size sampled (default: 0, none)",
            "  --rss-callers N     caller threads of that run (default: 2)",
            "  --rss-samples N     resident-size samples over that run (default: 20)",
            "  --repo-root DIR     the repository, for examples/data (default: found from the working directory)");

    static InferenceOptions parse(String... args) {
        Path repoRoot = null;
        Path mnist = null;
        Path tox21 = null;
        int threads = 1;
        List<Integer> callers = List.of(1, 2, 8);
        double seconds = 5;
        int latencyCalls = 20_000;
        int batchSize = 32;
        int maxBatch = 32;
        long maxWaitMicros = 2000;
        long rss = 0;
        int rssCallers = 2;
        int rssSamples = 20;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new BenchmarkOptions.UsageException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new BenchmarkOptions.UsageException("option " + option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--repo-root" -> repoRoot = Path.of(value);
                case "--mnist" -> mnist = Path.of(value);
                case "--tox21" -> tox21 = Path.of(value);
                case "--threads" -> threads = positive(option, value);
                case "--callers" -> callers = Arrays.stream(value.split(",")).map(c -> positive(option, c)).toList();
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--latency-calls" -> latencyCalls = positive(option, value);
                case "--batch" -> batchSize = positive(option, value);
                case "--max-batch" -> maxBatch = positive(option, value);
                case "--max-wait-us" -> maxWaitMicros = Long.parseLong(value.trim());
                case "--rss" -> rss = Long.parseLong(value.trim());
                case "--rss-callers" -> rssCallers = positive(option, value);
                case "--rss-samples" -> rssSamples = positive(option, value);
                default -> throw new BenchmarkOptions.UsageException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (mnist == null && tox21 == null) {
            throw new BenchmarkOptions.UsageException("pass --mnist FILE, --tox21 FILE or both\n" + USAGE);
        }
        for (Path model : new ArrayList<>(Arrays.asList(mnist, tox21))) {
            if (model != null && !Files.isRegularFile(model)) {
                throw new BenchmarkOptions.UsageException("no model file " + model
                        + "; train one (benchmarks/inference.sh does) or pass another");
            }
        }
        Path root = repoRoot != null ? repoRoot : findRepoRoot();
        return new InferenceOptions(root.toAbsolutePath().normalize(), mnist, tox21, threads, callers, seconds,
                latencyCalls, batchSize, maxBatch, Duration.ofNanos(maxWaitMicros * 1000), rss, rssCallers,
                rssSamples);
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value.trim());
        if (number < 1) {
            throw new BenchmarkOptions.UsageException(option + " must be at least 1, was " + number);
        }
        return number;
    }

    /** The working directory or one of its parents, whichever holds examples/data. */
    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/data"))) {
                return dir;
            }
        }
        throw new BenchmarkOptions.UsageException("cannot find the repository (a folder with examples/data) from "
                + Path.of("").toAbsolutePath() + "; pass --repo-root");
    }
}
