package dev.lamina.runtime.cli;

import dev.lamina.runtime.LaminaRuntimeException;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.score.ScoreSummary;
import dev.lamina.runtime.score.Scorer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores a file with a model file: {@code mvn lamina:predict} runs it in a forked JVM; it is also a plain
 * {@code main}. The model's preprocessing says what a row is: SMILES (a SMILES a line, optionally an id) or
 * comma-separated raw features (optionally an id first). The output's columns follow what the model
 * predicts (classes, yes/no tasks or regression targets, named as its training data named them): see {@link
 * Scorer}.
 */
@Command(name = "lamina-predict", mixinStandardHelpOptions = true,
        description = "Scores a CSV or SMILES file (plain or gzip) with a Lamina model file.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "the model file, <run folder>/<Network>.lamina.safetensors")
    private Path model;

    @Option(names = "--input", required = true, description = "the file to score")
    private Path input;

    @Option(names = "--output", description = "where the predictions go (default: <input>.predictions.csv beside it)")
    private Path output;

    @Option(names = "--threads", defaultValue = "0", description = "predicting threads (default: the machine's cores)")
    private int threads;

    @Option(names = "--batch-size", defaultValue = "256", description = "rows per forward pass (default: 256)")
    private int batchSize;

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    private boolean noProgress;

    private final PrintWriter err;

    PredictCommand(PrintWriter err) {
        this.err = err;
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Parses {@code args}, scores, and returns the exit code: 0 scored, 1 failed (says why), 2 bad options. */
    public static int run(String... args) {
        ParentWatch.startIfRequested();
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine commandLine = new CommandLine(new PredictCommand(err));
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        Path target = output != null ? output : defaultOutput(input);
        try (LaminaModel<?> loaded = LaminaModel.load(model)) {
            System.out.println(loaded.networkName() + " predicts " + loaded.outputs().describe());
            ScoreSummary summary = score(loaded, target);
            System.out.println(summary);
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException | LaminaRuntimeException e) {
            FailureReport.report(err, e.getMessage());
            return 1;
        }
    }

    /** {@code scores.csv.gz} -> {@code scores.predictions.csv}, beside it. */
    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString().replaceFirst("\\.gz$", "").replaceFirst("\\.[^.]*$", "");
        return input.toAbsolutePath().resolveSibling(name + ".predictions.csv");
    }

    @SuppressWarnings("unchecked")
    private ScoreSummary score(LaminaModel<?> loaded, Path target) throws IOException {
        Scorer<?> scorer = loaded.rawType() == String.class
                ? Scorer.smiles((LaminaModel<String>) loaded)
                : Scorer.features((LaminaModel<float[]>) loaded, loaded.contents().preprocessing().featureCount());
        scorer.batchSize(batchSize);
        if (threads > 0) {
            scorer.threads(threads);
        }
        if (noProgress) {
            return scorer.score(input, target);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Scoring").setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).setUpdateIntervalMillis(250)
                .continuousUpdate().build()) {
            LongConsumer progress = bar::stepTo;
            return scorer.score(input, target, progress);
        }
    }
}
