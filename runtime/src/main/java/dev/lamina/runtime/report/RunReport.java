package dev.lamina.runtime.report;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.train.EpochResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run report: {@code report.html}, a static Keras/TensorBoard-style summary of a training run, with
 * its charts beside it as PNG files ({@code loss.png}, {@code accuracy.png} and, for one-logit networks,
 * {@code roc.png}). The page is self-contained apart from those images: inline CSS, no scripts, no fonts
 * or anything else from the network. Every file is written atomically; the charts go first, so the page
 * never refers to an image that is not there.
 */
public final class RunReport {

    public static final String HTML = "report.html";
    public static final String LOSS_PNG = "loss.png";
    public static final String ACCURACY_PNG = "accuracy.png";
    public static final String ROC_PNG = "roc.png";

    /** Other run files the page links to when they are in the run folder. */
    private static final List<String> RUN_FILES = List.of("history.csv", "metrics.json", "summary.txt");

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private RunReport() {}

    /** Writes the report and its charts into {@code runDirectory}, replacing earlier ones. */
    public static void write(Path runDirectory, ReportData report) throws IOException {
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(report, "report");
        List<EpochResult> history = report.history();
        Files.createDirectories(runDirectory);

        AtomicFiles.write(runDirectory.resolve(LOSS_PNG), out -> ReportCharts.writePng(
                ReportCharts.loss(history), ReportCharts.CURVE_WIDTH, ReportCharts.CURVE_HEIGHT, out));
        AtomicFiles.write(runDirectory.resolve(ACCURACY_PNG), out -> ReportCharts.writePng(
                ReportCharts.accuracy(history), ReportCharts.CURVE_WIDTH, ReportCharts.CURVE_HEIGHT, out));
        if (report.rocCurve().isPresent()) {
            RocCurve roc = report.rocCurve().get();
            AtomicFiles.write(runDirectory.resolve(ROC_PNG), out -> ReportCharts.writePng(
                    ReportCharts.roc(roc), ReportCharts.ROC_WIDTH, ReportCharts.ROC_HEIGHT, out));
        }

        List<String> present = new ArrayList<>();
        for (String file : RUN_FILES) {
            if (Files.isRegularFile(runDirectory.resolve(file))) {
                present.add(file);
            }
        }
        byte[] page = ReportHtml.render(report, present).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(runDirectory.resolve(HTML), out -> out.write(page));
    }
}
