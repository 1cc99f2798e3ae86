package dev.lamina.runtime.train;

import dev.lamina.runtime.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** history.csv: one row per epoch, rewritten atomically after each epoch, read back to resume a run. */
final class HistoryCsv {

    private static final String HEADER =
            "epoch,train_loss,train_accuracy,test_loss,test_accuracy,test_roc_auc,learning_rate,seconds,rss_mb";

    private HistoryCsv() {}

    static void write(Path file, List<EpochResult> history, boolean binary) throws IOException {
        StringBuilder text = new StringBuilder(header(binary)).append('\n');
        for (EpochResult e : history) {
            text.append(e.epoch()).append(',').append(number(e.trainLoss())).append(',')
                    .append(number(e.trainAccuracy())).append(',').append(number(e.testLoss())).append(',')
                    .append(number(e.testAccuracy()));
            if (binary) {
                text.append(',').append(number(e.testRocAuc()));
            }
            text.append(',').append(number(e.learningRate())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", e.seconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", e.rssMegabytes())).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static List<EpochResult> read(Path file, boolean binary) throws IOException {
        List<EpochResult> history = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            int c = 0;
            try {
                int epoch = Integer.parseInt(cells[c++]);
                double trainLoss = parse(cells[c++]);
                double trainAccuracy = parse(cells[c++]);
                double testLoss = parse(cells[c++]);
                double testAccuracy = parse(cells[c++]);
                double auc = binary ? parse(cells[c++]) : Double.NaN;
                double learningRate = parse(cells[c++]);
                double seconds = parse(cells[c++]);
                double rss = parse(cells[c]);
                history.add(new EpochResult(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, auc,
                        learningRate, seconds, rss));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a history row: " + lines.get(i), e);
            }
        }
        return history;
    }

    private static double parse(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    private static String header(boolean binary) {
        return binary ? HEADER : HEADER.replace(",test_roc_auc", "");
    }

    /** Full precision, so a resumed run and a reproduced run compare exactly; empty for NaN. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
