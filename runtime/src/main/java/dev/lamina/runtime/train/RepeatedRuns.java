package dev.lamina.runtime.train;

import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.report.SeedReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a network once per seed of its {@code @Split(seeds = ...)}: each run splits, initialises, shuffles and
 * drops out from its own seed, in {@code <output>/<Network>/run_<N>/seed_<seed>/}, and {@code run_<N>/metrics.json}
 * holds the mean and standard deviation of the validation and test metrics over the seeds ({@link SeedSummary}),
 * {@code run_<N>/report.html} shows them with links to each seed's report ({@link SeedReport}).
 */
public final class RepeatedRuns {

    private RepeatedRuns() {}

    /** Whether {@code config} asks for one run per seed. */
    public static boolean repeats(TrainingConfig config) {
        return config.split().map(split -> !split.seeds().isEmpty()).orElse(false);
    }

    /**
     * Trains every seed in turn; each run's network is closed when its run ends (its model file stays).
     *
     * @throws TrainingException when asked to resume: resume one seed's folder with a single-seed config instead
     */
    public static SeedSummary train(TrainingJob job, TrainingConfig config, TrainTestData data) throws IOException {
        List<Integer> seeds = config.split().orElseThrow().seeds();
        if (config.resume()) {
            throw new TrainingException("a run over " + seeds.size() + " seeds cannot be resumed as a whole; train"
                    + " again, or resume one seed's folder from code with runFolder(...)");
        }
        Path group;
        try {
            group = RunFolders.next(config.outputDirectory().resolve(job.networkName()));
        } catch (IOException e) {
            throw new TrainingException("cannot create a run folder in " + config.outputDirectory().toAbsolutePath()
                    + ": " + e.getMessage() + "; choose another output directory", e);
        }
        List<RunMetrics> runs = new ArrayList<>();
        for (int seed : seeds) {
            config.out().printf("%n%s, seed %d (%d of %d)%n", job.networkName(), seed, runs.size() + 1, seeds.size());
            TrainingConfig one = config.toBuilder().seed(seed).runFolder(group.resolve("seed_" + seed)).build();
            try (TrainingResult result = Trainer.train(job, one, data)) {
                runs.add(result.metrics());
            }
        }
        SeedSummary summary = new SeedSummary(job.networkName(), seeds, runs);
        summary.write(group.resolve(RunDirectory.METRICS));
        SeedReport.write(group, summary);
        config.out().println();
        summary.print(config.out());
        config.out().println("Runs: " + group.toAbsolutePath());
        return summary;
    }
}
