package dev.lamina.runtime.train;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * history.csv: one row per epoch, rewritten atomically after each epoch, read back to resume a run. The columns
 * are {@code epoch}, the run's metrics by name ({@code train_loss, train_accuracy, val_loss, ...}), then {@code
 * learning_rate, seconds, rss_mb}.
 */
final class HistoryCsv {

    private static final String EPOCH = "epoch";
    private static final List<String> TRAILING = List.of("learning_rate", "seconds", "rss_mb");
    /** A run's history has one row per epoch; more lines than this is not a history file. */
    private static final int MAX_ROWS = 1_000_000;

    private HistoryCsv() {}

    static void write(Path file, List<EpochResult> history, List<TrainingMetric> columns) throws IOException {
        StringBuilder text = new StringBuilder(EPOCH);
        columns.forEach(metric -> text.append(',').append(metric.metricName()));
        TRAILING.forEach(name -> text.append(',').append(name));
        text.append('\n');
        for (EpochResult e : history) {
            text.append(e.epoch());
            for (TrainingMetric metric : columns) {
                text.append(',').append(number(e.value(metric)));
            }
            text.append(',').append(number(e.learningRate())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", e.seconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", e.rssMegabytes())).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * The rows of a history file whose metrics are those of a {@code kind} network.
     *
     * @throws IOException naming the file and line of a row or header that is not a history's
     */
    static List<EpochResult> read(Path file, TaskKind kind) throws IOException {
        List<EpochResult> history = new ArrayList<>();
        List<String> lines;
        try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
            lines = stream.limit(MAX_ROWS + 1L).toList();
        }
        if (lines.isEmpty()) {
            return history;
        }
        String[] header = lines.get(0).split(",", -1);
        int metricCount = header.length - 1 - TRAILING.size();
        if (metricCount < 0 || !header[0].equals(EPOCH)) {
            throw new IOException(file + " line 1: not a history header: " + lines.get(0));
        }
        List<TrainingMetric> columns = new ArrayList<>();
        for (int c = 1; c <= metricCount; c++) {
            String name = header[c];
            columns.add(TrainingMetric.byName(name, kind).orElseThrow(() -> new IOException(file
                    + " line 1: column " + name + " is no metric of this network; was the history written by"
                    + " another network?")));
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            try {
                if (cells.length != header.length) {
                    throw new IllegalArgumentException(cells.length + " cells for " + header.length + " columns");
                }
                Map<TrainingMetric, Double> metrics = new LinkedHashMap<>();
                for (int c = 0; c < metricCount; c++) {
                    metrics.put(columns.get(c), parse(cells[c + 1]));
                }
                int trailing = 1 + metricCount;
                history.add(new EpochResult(Integer.parseInt(cells[0]), metrics, parse(cells[trailing]),
                        parse(cells[trailing + 1]), parse(cells[trailing + 2]), Double.NaN, 0));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a history row: " + lines.get(i), e);
            }
        }
        return history;
    }

    private static double parse(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** Full precision, so a resumed run and a reproduced run compare exactly; empty for NaN. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
