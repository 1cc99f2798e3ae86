package dev.lamina.runtime.score;

import dev.lamina.runtime.data.DataFiles;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.Prediction;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Scores a file with a model: every row's raw input predicted, written as CSV beside the row's id, in input
 * order. Streams: it holds one chunk of rows ({@code batchSize} times {@code threads}) at a time, so memory
 * does not grow with the file. Predicts a batch per task on {@code threads} threads sharing the model. A row
 * that cannot be scored (unparsable, wrong width, a SMILES CDK cannot read, a line over 1 MiB) gets its reason
 * in the {@code error} column and the job goes on.
 *
 * <p>Output columns: {@code id, predicted_class, probability_0, ..., probability_<k-1>, error}. The output is
 * written to a temporary file and moved into place at the end, so a failed job leaves no half file.
 *
 * <p>One scorer may run one job at a time; the model it uses may serve other threads meanwhile.
 */
public final class Scorer<R> {

    private final LaminaModel<R> model;
    private final RowFormat<R> format;
    /** Probability columns: one per output, two (P(0), P(1)) for a one-logit model. */
    private final int classes;
    private int batchSize = 256;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Scorer(LaminaModel<R> model, RowFormat<R> format) {
        this.model = model;
        this.format = format;
        long outputs = model.contents().architecture().spec().output().size();
        this.classes = outputs == 1 ? 2 : Math.toIntExact(outputs);
    }

    /** Scores SMILES files: a SMILES a line, optionally followed by an id. */
    public static Scorer<String> smiles(LaminaModel<String> model) {
        return new Scorer<>(model, new SmilesRows());
    }

    /** Scores comma-separated feature rows, optionally with an id first; {@code features} per row. */
    public static Scorer<float[]> features(LaminaModel<float[]> model, int features) {
        return new Scorer<>(model, new FeatureRows(features));
    }

    /** Rows per forward pass (256 by default). */
    public Scorer<R> batchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, was " + value);
        }
        batchSize = value;
        return this;
    }

    /** Threads predicting at once (the machine's cores by default). */
    public Scorer<R> threads(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("the number of threads must be at least 1, was " + value);
        }
        threads = value;
        return this;
    }

    /** Scores {@code input} (plain or gzip) into {@code output}. */
    public ScoreSummary score(Path input, Path output) throws IOException {
        return score(input, output, rows -> {});
    }

    /**
     * As {@link #score(Path, Path)}, telling {@code progress} how many rows are done after each chunk.
     *
     * @throws IOException if the input cannot be read or the output written; the output is then untouched
     */
    public ScoreSummary score(Path input, Path output, LongConsumer progress) throws IOException {
        long started = System.nanoTime();
        long[] counts = new long[2];
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "lamina-scorer");
            thread.setDaemon(true);
            return thread;
        });
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(DataFiles.open(input), StandardCharsets.UTF_8), 1 << 16)) {
            AtomicFiles.write(output, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                try {
                    run(new CappedLines(reader), writer, pool, counts, progress);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("scoring " + input + " was interrupted", e);
                }
                writer.flush();
            });
        } finally {
            pool.shutdownNow();
        }
        return new ScoreSummary(input, output, counts[0], counts[1], (System.nanoTime() - started) / 1e9);
    }

    private void run(CappedLines lines, Writer writer, ExecutorService pool, long[] counts, LongConsumer progress)
            throws IOException, InterruptedException {
        boolean headerWritten = false;
        long lineNumber = 0;
        String text = lines.next();
        if (text != null) {
            lineNumber = 1;
            if (text != CappedLines.TOO_LONG && format.isHeader(text)) {
                text = lines.next();
                lineNumber = 2;
            }
        }
        while (text != null) {
            List<InputRow<R>> chunk = new ArrayList<>();
            while (text != null && chunk.size() < batchSize * threads) {
                if (!text.isBlank()) {
                    chunk.add(text == CappedLines.TOO_LONG
                            ? InputRow.invalid(lineNumber, Long.toString(lineNumber),
                                    "the line is longer than " + CappedLines.MAX_CHARS + " characters")
                            : format.parse(lineNumber, text));
                }
                text = lines.next();
                lineNumber++;
            }
            List<Future<List<OutputLine>>> batches = new ArrayList<>();
            for (int from = 0; from < chunk.size(); from += batchSize) {
                List<InputRow<R>> batch = chunk.subList(from, Math.min(chunk.size(), from + batchSize));
                batches.add(pool.submit(() -> score(batch)));
            }
            if (!headerWritten) {
                writer.write(header());
                headerWritten = true;
            }
            for (Future<List<OutputLine>> batch : batches) {
                for (OutputLine row : get(batch)) {
                    writer.write(row.text());
                    counts[0]++;
                    counts[1] += row.error() ? 1 : 0;
                }
            }
            progress.accept(counts[0]);
        }
        if (!headerWritten) {
            writer.write(header());
        }
    }

    /** A line of the output, and whether it reports an error. */
    private record OutputLine(String text, boolean error) {}

    /** The CSV lines of one batch, in order: predictions where the rows could be scored, errors where not. */
    private List<OutputLine> score(List<InputRow<R>> batch) {
        List<R> raws = new ArrayList<>();
        for (InputRow<R> row : batch) {
            if (row.error() == null) {
                raws.add(row.raw());
            }
        }
        List<Prediction> predictions;
        try {
            predictions = model.predict(raws);
        } catch (InvalidInputException oneIsInvalid) {
            // Rare: find which rows are invalid one by one, so that the others are still scored.
            predictions = null;
        }
        List<OutputLine> lines = new ArrayList<>(batch.size());
        int next = 0;
        for (InputRow<R> row : batch) {
            if (row.error() != null) {
                lines.add(errorLine(row.id(), row.error()));
                continue;
            }
            if (predictions != null) {
                lines.add(predictionLine(row.id(), predictions.get(next++)));
                continue;
            }
            try {
                lines.add(predictionLine(row.id(), model.predict(row.raw())));
            } catch (InvalidInputException e) {
                lines.add(errorLine(row.id(), e.getMessage()));
            }
        }
        return lines;
    }

    private static OutputLine predictionLine(String id, Prediction prediction) {
        StringBuilder line = new StringBuilder(Csv.field(id)).append(',').append(prediction.predictedClass());
        for (float probability : prediction.probabilities()) {
            line.append(',').append(probability);
        }
        // An empty error column: the line ends in a comma.
        return new OutputLine(line.append(",\n").toString(), false);
    }

    private OutputLine errorLine(String id, String error) {
        return new OutputLine(Csv.field(id) + ",," + ",".repeat(classes) + Csv.field(error) + "\n", true);
    }


    private String header() {
        StringBuilder header = new StringBuilder("id,predicted_class");
        for (int k = 0; k < classes; k++) {
            header.append(",probability_").append(k);
        }
        return header.append(",error\n").toString();
    }

    private static List<OutputLine> get(Future<List<OutputLine>> batch) throws IOException, InterruptedException {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("scoring failed", e.getCause());
        }
    }
}
