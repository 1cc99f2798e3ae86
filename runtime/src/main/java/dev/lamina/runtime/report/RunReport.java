package dev.lamina.runtime.report;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TrainingMetric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run report: {@code report.html}, a static Keras/TensorBoard-style summary of a training run, with
 * its charts beside it as PNG files: one per measure per epoch ({@code loss.png}, {@code accuracy.png},
 * {@code roc_auc.png}, {@code rmse.png}, ...), and on the test set {@code roc.png} for yes/no tasks (a curve per
 * task) or {@code predicted.png} and {@code residuals.png} for regression. The page is self-contained apart from those images: inline CSS, no scripts, no fonts
 * or anything else from the network. Every file is written atomically; the charts go first, so the page
 * never refers to an image that is not there.
 */
public final class RunReport {

    public static final String HTML = "report.html";
    public static final String LOSS_PNG = "loss.png";
    public static final String ACCURACY_PNG = "accuracy.png";
    public static final String ROC_PNG = "roc.png";
    public static final String PREDICTED_PNG = "predicted.png";
    public static final String RESIDUALS_PNG = "residuals.png";

    /** Other run files the page links to when they are in the run folder. */
    private static final List<String> RUN_FILES = List.of("history.csv", "metrics.json", "summary.txt");

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private RunReport() {}

    /** The measures the history has on some set, in {@link Measure}'s order: one chart each. */
    static List<Measure> curveMeasures(List<EpochResult> history) {
        List<Measure> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            boolean present = false;
            for (DataSplit split : DataSplit.values()) {
                TrainingMetric metric = new TrainingMetric(split, measure);
                present |= history.stream().anyMatch(e -> e.metrics().containsKey(metric));
            }
            if (present) {
                measures.add(measure);
            }
        }
        return measures;
    }

    /** The chart of one measure per epoch: {@code loss.png}, {@code roc_auc.png}. */
    static String curveFile(Measure measure) {
        return measure.key() + ".png";
    }

    /** Writes the report and its charts into {@code runDirectory}, replacing earlier ones. */
    public static void write(Path runDirectory, ReportData report) throws IOException {
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(report, "report");
        List<EpochResult> history = report.history();
        Files.createDirectories(runDirectory);

        RunMetrics metrics = report.metrics();
        int chosen = history.stream().anyMatch(e -> e.epoch() == metrics.bestEpoch()) ? metrics.bestEpoch() : 0;
        for (Measure measure : curveMeasures(history)) {
            AtomicFiles.write(runDirectory.resolve(curveFile(measure)), out -> ReportCharts.writePng(
                    ReportCharts.curves(measure, history, chosen, metrics.monitor()), ReportCharts.CURVE_WIDTH,
                    ReportCharts.CURVE_HEIGHT, out));
        }
        FinalPredictions predictions = report.predictions();
        List<RocCurve> rocCurves = predictions.rocCurves();
        if (rocCurves.size() == 1) {
            AtomicFiles.write(runDirectory.resolve(ROC_PNG), out -> ReportCharts.writePng(
                    ReportCharts.roc(rocCurves.get(0)), ReportCharts.ROC_WIDTH, ReportCharts.ROC_HEIGHT, out));
        } else if (rocCurves.size() > 1) {
            AtomicFiles.write(runDirectory.resolve(ROC_PNG), out -> ReportCharts.writePng(
                    ReportCharts.rocPerTask(rocCurves, metrics.tasks()), ReportCharts.TASK_ROC_WIDTH,
                    ReportCharts.TASK_ROC_HEIGHT, out));
        }
        if (predictions.regression().isPresent()) {
            RegressionPoints points = predictions.regression().get();
            AtomicFiles.write(runDirectory.resolve(PREDICTED_PNG), out -> ReportCharts.writePng(
                    ReportCharts.predictedVsTrue(points, metrics.tasks()), ReportCharts.SCATTER_WIDTH,
                    ReportCharts.SCATTER_HEIGHT, out));
            AtomicFiles.write(runDirectory.resolve(RESIDUALS_PNG), out -> ReportCharts.writePng(
                    ReportCharts.residuals(points, metrics.tasks()), ReportCharts.SCATTER_WIDTH,
                    ReportCharts.SCATTER_HEIGHT, out));
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
