package dev.lamina.runtime.cli;

import dev.lamina.runtime.Devices;
import dev.lamina.runtime.LaminaRuntimeException;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.dsl.SplitMethod;
import dev.lamina.runtime.train.RepeatedRuns;
import dev.lamina.runtime.train.SplitSettings;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingException;
import dev.lamina.runtime.train.TrainingJob;
import dev.lamina.runtime.train.TrainingResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of a generated trainer's command line ({@link TrainingCommandLine}): trains with the network's
 * {@code @Train} defaults, each overridable by an option. Exit code 0 on success, 1 when training could
 * not start or failed (the message says why), 2 for a malformed command line.
 */
@Command(
        name = "lamina-train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Trains a Lamina network with its @Train settings; options override them.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training data")
    private Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "samples per minibatch")
    private Integer batchSize;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATE", description = "the optimizer's learning rate")
    private Double learningRate;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto, cpu, gpu or gpu:<index>")
    private String device;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads (default: half the cores)")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "seeds initialisation, shuffling and dropout")
    private Integer seed;

    @Option(names = "--limit", paramLabel = "N", description = "use only the first N training samples")
    private Integer limit;

    @Option(names = "--split", paramLabel = "METHOD",
            description = "how @Split assigns samples: random, stratified or scaffold (default: the network's @Split)")
    private SplitMethod split;

    @Option(names = "--seeds", paramLabel = "N,N,...", split = ",",
            description = "one run per seed, with the mean and standard deviation over them")
    private List<Integer> seeds;

    @Option(names = "--resume", description = "continue from the run folder's last checkpoint")
    private boolean resume;

    @Option(names = "--output", paramLabel = "DIR",
            description = "where run folders go (default: <base-dir>/lamina-runs)")
    private Path output;

    @Option(names = "--base-dir", paramLabel = "DIR",
            description = "where relative data paths start (default: system property lamina.baseDir, else .)")
    private Path baseDirectory;

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    private boolean noProgress;

    /** Set by the Maven plugin: where to write the reason for a failure. */

    private final TrainingJob job;
    private final PrintWriter err;

    TrainCommand(TrainingJob job, PrintWriter err) {
        this.job = job;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            DataContext context = baseDirectory == null
                    ? DataContext.fromSystemProperties()
                    : new DataContext(baseDirectory.toAbsolutePath());
            TrainingConfig config = overrides(context);
            DataSource<?> source = job.dataSource()
                    .orElseThrow(() -> new TrainingException(job.networkName() + " declares no data: add"
                            + " @Train(data = YourDataSource.class) to it, or call its trainer from code with data"))
                    .get();
            // Every setting is checked before the data is read: a typo should not cost a minute of loading.
            config.validate();
            Devices.resolve(config.device());
            TrainTestData data = source.load(context);
            if (RepeatedRuns.repeats(config)) {
                RepeatedRuns.train(job, config, data);
                return 0;
            }
            try (TrainingResult result = Trainer.train(job, config, data)) {
                return 0;
            }
        } catch (FileSystemException e) {
            FailureReport.report(err, describe(e));
            return 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException | TrainingException
                | LaminaRuntimeException e) {
            FailureReport.report(err, e.getMessage());
            return 1;
        }
    }

    /**
     * The JDK's file exceptions carry only the path as their message ("/data/train.csv"): say what is wrong
     * with it too.
     */
    static String describe(FileSystemException e) {
        String what = e instanceof NoSuchFileException ? " does not exist"
                : e instanceof AccessDeniedException ? " cannot be accessed (permission denied)"
                : ": " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        return "cannot train: " + e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + what
                + "; check the path (relative paths start at the project's folder)";
    }

    private TrainingConfig overrides(DataContext context) {
        TrainingConfig.Builder config = job.defaults().toBuilder()
                .outputDirectory(output != null ? output : context.resolve("lamina-runs"))
                .resume(resume)
                .progressBar(!noProgress);
        if (epochs != null) {
            config.epochs(epochs);
        }
        if (batchSize != null) {
            config.batchSize(batchSize);
        }
        if (learningRate != null) {
            config.learningRate(learningRate);
        }
        if (device != null) {
            config.device(device);
        }
        if (threads != null) {
            config.threads(threads);
        }
        if (seed != null) {
            config.seed(seed);
        }
        if (limit != null) {
            config.limit(limit);
        }
        if (split != null || seeds != null) {
            // Without @Split the network has no validation set yet: these options give it the default one.
            SplitSettings declared = job.defaults().split().orElse(SplitSettings.validationOnly(0.1));
            config.split(new SplitSettings(declared.validation(), declared.test(),
                    split != null ? split : declared.method(), seeds != null ? seeds : declared.seeds(),
                    declared.testEveryEpoch()));
        }
        return config.build();
    }
}
