package dev.lamina.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link Benchmark}.
 *
 * @param threads intra-op thread counts; 0 stands for the implementation's default
 * @param configurations the networks and batch sizes, in the order they run
 * @param timedEpochs epochs timed after the warm-up epoch; the fastest is the measurement
 */
record BenchmarkOptions(Path repoRoot, List<Integer> threads, List<String> impls,
        List<NetworkBatch> configurations, int timedEpochs, RawDjlLoop.AdamVariant rawAdam,
        boolean rawOnAllNetworks, Path outputDirectory) {

    /** A network at one batch size. */
    record NetworkBatch(BenchmarkNetwork network, int batchSize) {}

    static final String DEFAULT_CONFIGURATIONS =
            "MnistMlp:32,MnistMlp:128,MnistMlp:1024,Tox21SrMmp:32,MnistCnn:32,MnistCnnStrong:64";

    static final String USAGE = String.join("\n",
            "Usage: java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' "
                    + "dev.lamina.benchmarks.Benchmark [options]",
            "Trains each configuration for one warm-up epoch and N timed epochs; prints one JSON line per",
            "configuration, with the fastest timed epoch, on standard output (everything else: standard error).",
            "  --threads LIST      intra-op threads, e.g. 1 or 1,2 (one child JVM each when more than one);",
            "                      'default' lets Lamina choose (default: 1)",
            "  --impl LIST         lamina,djl-raw,script-step,script-epoch (default: lamina,djl-raw); all but",
            "                      lamina train MnistMlp only; script-* run the whole step or epoch in TorchScript",
            "  --configs LIST      NETWORK:BATCH,... (default: " + DEFAULT_CONFIGURATIONS + ")",
            "  --timed-epochs N    epochs timed after the warm-up; the fastest counts (default: 1)",
            "  --raw-adam VARIANT  lamina (Lamina's AdamOptimizer: PyTorch's _fused_adam_), djl_fused",
            "                      (JniUtils.adamUpdate) or djl (Optimizer.adam()) (default: lamina)",
            "  --raw-networks SET  mnist (default) or all: where the hand-written loop runs too",
            "  --repo-root DIR     the repository, for examples/data (default: found from the working directory)",
            "  --output-dir DIR    run folders of the harness (default: <repo-root>/benchmarks/target/runs)");

    static BenchmarkOptions parse(String... args) {
        Path repoRoot = null;
        String threads = "1";
        String impls = Configuration.LAMINA + "," + Configuration.DJL_RAW;
        String configurations = DEFAULT_CONFIGURATIONS;
        String timedEpochs = "1";
        String rawAdam = "lamina";
        String rawNetworks = "mnist";
        Path outputDirectory = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--repo-root" -> repoRoot = Path.of(value);
                case "--threads" -> threads = value;
                case "--impl" -> impls = value;
                case "--configs" -> configurations = value;
                case "--timed-epochs" -> timedEpochs = value;
                case "--raw-adam" -> rawAdam = value;
                case "--raw-networks" -> rawNetworks = value;
                case "--output-dir" -> outputDirectory = Path.of(value);
                default -> throw new UsageException("unknown option " + option + "\n" + USAGE);
            }
        }
        Path root = (repoRoot == null ? findRepoRoot() : repoRoot).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("examples/data"))) {
            throw new UsageException(root + " has no examples/data; pass the repository with --repo-root");
        }
        return new BenchmarkOptions(root, parseThreads(threads), parseImpls(impls),
                parseConfigurations(configurations), parseTimedEpochs(timedEpochs),
                RawDjlLoop.AdamVariant.valueOf(rawAdam.toUpperCase(Locale.ROOT)), parseRawNetworks(rawNetworks),
                outputDirectory == null ? root.resolve("benchmarks/target/runs") : outputDirectory.toAbsolutePath());
    }

    /** The working directory or one of its parents, whichever holds examples/data. */
    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/data"))) {
                return dir;
            }
        }
        throw new UsageException("cannot find the repository (a folder with examples/data) from "
                + Path.of("").toAbsolutePath() + "; pass --repo-root");
    }

    private static List<Integer> parseThreads(String value) {
        List<Integer> threads = new ArrayList<>();
        for (String item : value.split(",")) {
            int count = item.trim().equals("default") ? 0 : Integer.parseInt(item.trim());
            if (count < 0) {
                throw new UsageException("threads must be positive or 'default', was " + item);
            }
            threads.add(count);
        }
        return threads;
    }

    private static int parseTimedEpochs(String value) {
        int epochs;
        try {
            epochs = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--timed-epochs takes a whole number, was '" + value + "'");
        }
        if (epochs < 1) {
            throw new UsageException("--timed-epochs must be at least 1, was " + epochs);
        }
        return epochs;
    }

    private static boolean parseRawNetworks(String value) {
        return switch (value) {
            case "mnist" -> false;
            case "all" -> true;
            default -> throw new UsageException("--raw-networks is mnist or all, was '" + value + "'");
        };
    }

    private static List<String> parseImpls(String value) {
        List<String> impls = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String impl : impls) {
            if (!Configuration.IMPLS.contains(impl)) {
                throw new UsageException("unknown impl '" + impl + "'; choose from " + Configuration.IMPLS);
            }
        }
        return impls;
    }

    private static List<NetworkBatch> parseConfigurations(String value) {
        List<NetworkBatch> configurations = new ArrayList<>();
        for (String item : value.split(",")) {
            String[] parts = item.trim().split(":");
            if (parts.length != 2) {
                throw new UsageException("a configuration is NETWORK:BATCH, e.g. MnistMlp:32; got '" + item + "'");
            }
            configurations.add(new NetworkBatch(BenchmarkNetwork.byName(parts[0]), Integer.parseInt(parts[1])));
        }
        return configurations;
    }

    /** A command line that cannot run; the message says why (and may be the usage text). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
