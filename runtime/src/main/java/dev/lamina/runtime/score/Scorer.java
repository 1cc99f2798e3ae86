package dev.lamina.runtime.score;

import dev.lamina.runtime.data.DataFiles;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.ModelOutputs;
import dev.lamina.runtime.model.Prediction;
import dev.lamina.spec.contract.TaskKind;

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
 * <p>Output columns, between {@code id} first and {@code error} last, follow what the model predicts ({@link
 * LaminaModel#outputs()}):
 *
 * <ul>
 *   <li>classes (cross-entropy): {@code predicted_class} (the class's name when the training labels were text,
 *       its index otherwise), then {@code probability_<class>} per class: {@code probability_0, ...,
 *       probability_9} for MNIST, {@code probability_cat, probability_dog} for named classes;
 *   <li>one yes/no task (BCE-with-logits, one logit): {@code predicted_class} (1 when P(1) is at least 0.5),
 *       {@code probability_0, probability_1};
 *   <li>several yes/no tasks: {@code probability_<task>} per task, each task's own sigmoid: {@code
 *       probability_NR-AR, ..., probability_SR-p53} (or {@code probability_0, ...} for unnamed tasks);
 *   <li>regression: {@code predicted} for one unnamed target, else {@code predicted_<target>} per target
 *       ({@code predicted_logS}; {@code predicted_0, ...} for unnamed targets).
 * </ul>
 *
 * <p>A name is used as the data wrote it; names never hold control characters (model files refuse them),
 * and a column name with a comma or a quote is quoted as RFC 4180 says. The output is written to a temporary
 * file and moved into place at the end, so a failed job leaves no half file.
 *
 * <p>One scorer may run one job at a time; the model it uses may serve other threads meanwhile.
 */
public final class Scorer<R> {

    private final LaminaModel<R> model;
    private final RowFormat<R> format;
    /** What the model's outputs mean, when the scorer was made: the columns follow from it. */
    private final ModelOutputs outputs;
    /** The columns between {@code id} and {@code error}, as the header names them. */
    private final List<String> columns;
    private int batchSize = 256;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Scorer(LaminaModel<R> model, RowFormat<R> format) {
        this.model = model;
        this.format = format;
        this.outputs = model.outputs();
        this.columns = columns(outputs);
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
        List<String> predictions;
        try {
            predictions = cells(raws);
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
                lines.add(predictionLine(row.id(), cells(List.of(row.raw())).get(0)));
            } catch (InvalidInputException e) {
                lines.add(errorLine(row.id(), e.getMessage()));
            }
        }
        return lines;
    }

    /** The header names of the columns between {@code id} and {@code error}. */
    static List<String> columns(ModelOutputs outputs) {
        List<String> columns = new ArrayList<>();
        List<String> names = outputs.labels();
        if (outputs.predictsOneClass()) {
            columns.add("predicted_class");
            if (outputs.kind() == TaskKind.BINARY) {
                columns.add("probability_0");
                columns.add("probability_1");
            } else {
                names.forEach(name -> columns.add("probability_" + name));
            }
        } else if (outputs.kind() == TaskKind.BINARY) {
            names.forEach(name -> columns.add("probability_" + name));
        } else if (outputs.width() == 1 && !outputs.named()) {
            columns.add("predicted");
        } else {
            names.forEach(name -> columns.add("predicted_" + name));
        }
        return List.copyOf(columns);
    }

    /** The cells between {@code id} and {@code error} of each raw input, in one forward pass. */
    private List<String> cells(List<R> raws) {
        List<String> cells = new ArrayList<>(raws.size());
        if (outputs.predictsOneClass()) {
            for (Prediction prediction : model.predict(raws)) {
                StringBuilder line = new StringBuilder(prediction.named()
                        ? Csv.field(prediction.predictedName()) : Integer.toString(prediction.predictedClass()));
                for (float probability : prediction.probabilities()) {
                    line.append(',').append(probability);
                }
                cells.add(line.toString());
            }
        } else {
            for (float[] values : model.predictOutputs(raws)) {
                StringBuilder line = new StringBuilder();
                for (float value : values) {
                    line.append(line.isEmpty() ? "" : ",").append(value);
                }
                cells.add(line.toString());
            }
        }
        return cells;
    }

    private static OutputLine predictionLine(String id, String cells) {
        // An empty error column: the line ends in a comma.
        return new OutputLine(Csv.field(id) + ',' + cells + ",\n", false);
    }

    private OutputLine errorLine(String id, String error) {
        return new OutputLine(Csv.field(id) + ",".repeat(columns.size() + 1) + Csv.field(error) + "\n", true);
    }

    private String header() {
        StringBuilder header = new StringBuilder("id");
        for (String column : columns) {
            header.append(',').append(Csv.field(column));
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
