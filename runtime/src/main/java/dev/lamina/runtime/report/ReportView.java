package dev.lamina.runtime.report;

import static dev.lamina.runtime.report.ReportFormat.duration;
import static dev.lamina.runtime.report.ReportFormat.fixed;
import static dev.lamina.runtime.report.ReportFormat.integer;
import static dev.lamina.runtime.report.ReportFormat.megabytes;
import static dev.lamina.runtime.report.ReportFormat.percent;

import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * What the report page shows, worked out and formatted from a {@link ReportData}: the templates under
 * {@code src/main/jte} only lay it out. Every string here is text; the templates escape it.
 */
final class ReportView {

    /** Up to this many epochs the timing bars carry their values and epoch numbers. */
    private static final int LABELLED_BARS = 24;
    /** Up to this many epochs the ROC panel shows the AUC of each. */
    private static final int AUC_BARS = 12;
    /** Height of the tallest timing bar, in CSS pixels. */
    private static final int BAR_HEIGHT = 120;

    /** A key number: {@code tone} colours its left edge ({@code ""}, accent, violet, blue). */
    record Card(String tone, String label, String value, String note) {}

    /** A label and its value, in a definition list. */
    record Fact(String label, String value) {}

    /** An image beside the page. */
    record Figure(String file, String alt, int width, int height) {}

    /** A group of history columns: the set they were measured on. */
    record Group(String label, int span, String cssClass, String title) {}

    /** One history column: a measure on the set of its group. */
    record Column(String label, String cssClass) {}

    /** One history row, formatted in the order of the columns; {@code best} marks the chosen epoch. */
    record HistoryRow(boolean best, int epoch, List<String> values, String learningRate, String seconds,
            String rss) {}

    /** One timing bar: its height in pixels, tooltip, and label (value and epoch) when labelled. */
    record Bar(String style, String title, String value, int epoch) {}

    /** One epoch's ROC AUC as a horizontal bar from chance (0.5) to perfect (1.0); {@code top}: the chosen one. */
    record AucBar(boolean top, int epoch, String style, String value) {}

    /** One row of a per-task table: the task's name and its formatted cells. */
    record TaskRow(String task, List<String> cells) {}

    /** Per-task numbers of one set: a row per task and a row of means over the tasks. */
    record TaskTable(List<String> headers, List<TaskRow> rows, TaskRow mean, String note) {}

    /**
     * The chosen parameters on the validation or test set: its measures and, for several tasks, its per-task
     * table.
     */
    record SetView(String cssClass, String title, String note, List<Fact> measures, Optional<TaskTable> tasks) {}

    private final ReportData data;
    private final RunMetrics metrics;
    private final List<EpochResult> history;
    private final List<String> runFiles;

    ReportView(ReportData data, List<String> runFiles) {
        this.data = data;
        this.metrics = data.metrics();
        this.history = data.history();
        this.runFiles = List.copyOf(runFiles);
    }

    // ---------------------------------------------------------------- header

    String name() {
        return metrics.network();
    }

    /** One line per epoch in which the optimizer skipped steps with non-finite gradients. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (EpochResult epoch : history) {
            if (epoch.skippedSteps() > 0) {
                warnings.add(String.format(Locale.ROOT, "Epoch %d: the optimizer skipped %s step%s whose gradients"
                        + " were NaN or infinite.", epoch.epoch(), integer(epoch.skippedSteps()),
                        epoch.skippedSteps() == 1 ? "" : "s"));
            }
        }
        return warnings;
    }

    List<String> chips() {
        List<String> chips = new ArrayList<>();
        chips.add(integer(metrics.trainSamples()) + " training samples");
        metrics.validation().ifPresent(v -> chips.add(integer(v.samples()) + " validation samples"));
        metrics.test().ifPresentOrElse(
                test -> chips.add(integer(test.samples()) + " test samples"),
                () -> chips.add("no test set"));
        if (metrics.tasks().size() > 1) {
            chips.add(metrics.tasks().size() + (metrics.kind() == TaskKind.REGRESSION ? " targets" : " tasks"));
        }
        chips.add("batch " + integer(metrics.batchSize()));
        chips.add(ReportFormat.lossName(metrics.loss().name()));
        chips.add(metrics.device() + " \u00b7 " + integer(metrics.threads())
                + (metrics.threads() == 1 ? " thread" : " threads"));
        if (metrics.stoppedEarly()) {
            chips.add("stopped early");
        }
        return chips;
    }

    String css() {
        return ReportStyle.css();
    }

    // ---------------------------------------------------------------- key numbers

    /**
     * The headline numbers of the chosen parameters on the test set (the validation set without one) as the
     * network's kind measures them, then the run's own: training loss, epochs, time, speed, memory.
     */
    List<Card> cards() {
        List<Card> cards = new ArrayList<>();
        Optional<RunMetrics.SetMetrics> headline = metrics.test().or(metrics::validation);
        if (headline.isPresent()) {
            RunMetrics.SetMetrics set = headline.get();
            String prefix = set.split() == DataSplit.TEST ? "Test " : "Validation ";
            String epoch = "epoch " + set.epoch();
            boolean severalTasks = metrics.tasks().size() > 1;
            switch (metrics.kind()) {
                case CLASSES -> cards.add(new Card("accent", prefix + "accuracy", percent(set.accuracy(), 2),
                        "loss " + fixed(set.loss(), 4) + " \u00b7 " + epoch));
                case BINARY -> {
                    cards.add(new Card("accent", prefix + "ROC AUC", fixed(set.value(Measure.ROC_AUC), 4),
                            (severalTasks ? "mean of " + metrics.tasks().size() + " tasks" : "area under ROC")
                                    + " \u00b7 " + epoch));
                    cards.add(new Card("violet", prefix + "PR AUC", fixed(set.value(Measure.PR_AUC), 4),
                            severalTasks ? "mean of tasks" : "average precision"));
                    cards.add(new Card("", prefix + "accuracy", percent(set.accuracy(), 2),
                            "labelled entries, logit > 0"));
                }
                case REGRESSION -> {
                    cards.add(new Card("accent", prefix + "RMSE", fixed(set.value(Measure.RMSE), 4),
                            "loss " + fixed(set.loss(), 4) + " \u00b7 " + epoch));
                    cards.add(new Card("violet", prefix + "MAE", fixed(set.value(Measure.MAE), 4),
                            "mean absolute error"));
                    cards.add(new Card("", prefix + "R\u00b2", fixed(set.value(Measure.R2), 4),
                            severalTasks ? "mean of " + metrics.tasks().size() + " targets" : "explained variance"));
                }
            }
        } else if (metrics.kind() != TaskKind.REGRESSION) {
            cards.add(new Card("accent", "Train accuracy", percent(metrics.finalTrainAccuracy(), 2), "no test set"));
        }
        String trainNote = Double.isFinite(metrics.finalTrainAccuracy()) && headline.isPresent()
                ? "accuracy " + percent(metrics.finalTrainAccuracy(), 2) : "last epoch";
        cards.add(new Card("blue", "Final train loss", fixed(metrics.finalTrainLoss(), 4), trainNote));
        int best = bestEpoch();
        String epochNote = (best > 0 ? "chosen " + best + " by " + metrics.monitor() : "completed")
                + (metrics.stoppedEarly() ? " \u00b7 early stop" : "");
        cards.add(new Card("", "Epochs", integer(metrics.epochs()), epochNote));
        cards.add(new Card("", "Train time", duration(metrics.trainSeconds()),
                history.isEmpty() ? "" : fixed(epochSeconds() / history.size(), 2) + " s / epoch"));
        cards.add(new Card("", "Samples / s", integer(metrics.samplesPerSecond()),
                integer(metrics.trainSamples()) + " per epoch"));
        cards.add(new Card("", "Peak RSS", megabytes(peakRss()), "resident memory"));
        return cards;
    }

    /** A chart per measure the history has, in {@link Measure}'s order. */
    List<Figure> curves() {
        List<Figure> figures = new ArrayList<>();
        for (Measure measure : RunReport.curveMeasures(history)) {
            figures.add(new Figure(RunReport.curveFile(measure), ReportFormat.measureName(measure) + " per epoch",
                    ReportCharts.CURVE_WIDTH, ReportCharts.CURVE_HEIGHT));
        }
        return figures;
    }

    // ---------------------------------------------------------------- the chosen parameters on each set

    /** The validation set ("chosen on") and the test set ("scored once"), those the run had. */
    List<SetView> sets() {
        List<SetView> sets = new ArrayList<>();
        metrics.validation().ifPresent(v -> sets.add(new SetView("set val", "Validation (chosen on)",
                integer(v.samples()) + " samples \u00b7 epoch " + v.epoch() + " chosen by " + metrics.monitor(),
                measures(v), taskTable(v))));
        metrics.test().ifPresent(t -> sets.add(new SetView("set test", "Test (scored once, epoch " + t.epoch() + ")",
                integer(t.samples()) + " samples \u00b7 the parameters of epoch " + t.epoch() + "; nothing was chosen"
                        + " on this set", measures(t), taskTable(t))));
        return sets;
    }

    private List<Fact> measures(RunMetrics.SetMetrics set) {
        List<Fact> facts = new ArrayList<>();
        boolean severalTasks = metrics.tasks().size() > 1;
        for (Map.Entry<Measure, Double> entry : set.means().entrySet()) {
            Measure measure = entry.getKey();
            String label = ReportFormat.measureName(measure);
            if (severalTasks && (measure == Measure.ROC_AUC || measure == Measure.PR_AUC || measure == Measure.R2)) {
                label += " (mean over " + (metrics.kind() == TaskKind.REGRESSION ? "targets" : "tasks") + ")";
            }
            facts.add(new Fact(label, ReportFormat.measure(measure, entry.getValue())));
        }
        return facts;
    }

    /** The per-task table of a set, for several tasks or targets. */
    Optional<TaskTable> taskTable(RunMetrics.SetMetrics set) {
        List<String> tasks = metrics.tasks();
        if (tasks.size() < 2 || set.perTask().isEmpty()) {
            return Optional.empty();
        }
        boolean binary = metrics.kind() == TaskKind.BINARY;
        List<Measure> order = binary ? List.of(Measure.ROC_AUC, Measure.PR_AUC, Measure.ACCURACY)
                : List.of(Measure.RMSE, Measure.MAE, Measure.R2);
        List<Measure> measures = order.stream().filter(set.perTask()::containsKey).toList();
        Optional<int[]> positives = binary ? data.predictions().positives(set.split()) : Optional.empty();
        int[] labelled = set.labelled();

        List<String> headers = new ArrayList<>();
        headers.add(binary ? "Task" : "Target");
        headers.add("Labelled");
        if (binary) {
            headers.add("Positives");
        }
        measures.forEach(m -> headers.add(ReportFormat.measureName(m)));

        List<TaskRow> rows = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            List<String> cells = new ArrayList<>();
            cells.add(count(labelled, t));
            if (binary) {
                cells.add(count(positives.orElse(null), t));
            }
            for (Measure measure : measures) {
                double[] values = set.perTask().get(measure);
                cells.add(ReportFormat.measure(measure, t < values.length ? values[t] : Double.NaN));
            }
            rows.add(new TaskRow(tasks.get(t), cells));
        }
        List<String> meanCells = new ArrayList<>();
        meanCells.add(total(labelled));
        if (binary) {
            meanCells.add(total(positives.orElse(null)));
        }
        for (Measure measure : measures) {
            meanCells.add(ReportFormat.measure(measure, meanOfDefined(set.perTask().get(measure))));
        }
        String unit = binary ? "tasks" : "targets";
        TaskRow mean = new TaskRow("Mean over " + unit, meanCells);
        return Optional.of(new TaskTable(headers, rows, mean, "each " + (binary ? "task" : "target")
                + " over its labelled entries; the mean row averages the " + unit + " where a value is defined and"
                + " sums the counts"));
    }

    private static String count(int[] counts, int t) {
        return counts != null && t < counts.length ? integer(counts[t]) : "\u2014";
    }

    private static String total(int[] counts) {
        return counts == null ? "\u2014" : integer(Arrays.stream(counts).asLongStream().sum());
    }

    private static double meanOfDefined(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- plots of the test set

    /** The ROC curve of one task, or the curves of every task in one chart. */
    Optional<Figure> rocFigure() {
        List<RocCurve> curves = data.predictions().rocCurves();
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(curves.size() == 1
                ? new Figure(RunReport.ROC_PNG, "ROC curve on the test set", ReportCharts.ROC_WIDTH,
                        ReportCharts.ROC_HEIGHT)
                : new Figure(RunReport.ROC_PNG, "ROC curve of each task on the test set", ReportCharts.TASK_ROC_WIDTH,
                        ReportCharts.TASK_ROC_HEIGHT));
    }

    /** Whether the ROC chart has one curve per task (several tasks) rather than the one curve. */
    boolean rocPerTask() {
        return data.predictions().rocCurves().size() > 1;
    }

    /** Regression: predicted vs true values and residuals on the test set. */
    List<Figure> scatterFigures() {
        if (data.predictions().regression().isEmpty()) {
            return List.of();
        }
        return List.of(
                new Figure(RunReport.PREDICTED_PNG, "Predicted against true values on the test set",
                        ReportCharts.SCATTER_WIDTH, ReportCharts.SCATTER_HEIGHT),
                new Figure(RunReport.RESIDUALS_PNG, "Residuals against predicted values on the test set",
                        ReportCharts.SCATTER_WIDTH, ReportCharts.SCATTER_HEIGHT));
    }

    Optional<ConfusionMatrixView> confusionMatrix() {
        return data.predictions().confusionMatrix().filter(m -> m.length > 0).map(ConfusionMatrixView::new);
    }

    String rocAucText() {
        return fixed(rocAuc(), 4);
    }

    /** Where the AUC sits between chance and perfect, as a CSS position. */
    String gaugeStyle() {
        double auc = rocAuc();
        double position = Double.isFinite(auc) ? Math.max(0, Math.min(1, (auc - 0.5) / 0.5)) * 100 : 0;
        return String.format(Locale.ROOT, "left:%.1f%%", position);
    }

    List<Fact> rocFacts() {
        List<Fact> facts = new ArrayList<>();
        Optional<RunMetrics.SetMetrics> test = metrics.test();
        facts.add(new Fact("Accuracy (threshold 0.5)",
                percent(test.map(RunMetrics.SetMetrics::accuracy).orElse(Double.NaN), 2)));
        facts.add(new Fact("PR AUC", fixed(test.map(t -> t.value(Measure.PR_AUC)).orElse(Double.NaN), 4)));
        facts.add(new Fact("Loss", fixed(test.map(RunMetrics.SetMetrics::loss).orElse(Double.NaN), 4)));
        data.predictions().positives(DataSplit.TEST).filter(p -> p.length == 1).ifPresent(p -> facts.add(
                new Fact("Positives", integer(p[0]) + " of " + test.map(t -> count(t.labelled(), 0)).orElse("\u2014"))));
        data.predictions().rocCurves().stream().findFirst().ifPresent(roc -> facts.add(new Fact("Points on the curve",
                integer(Math.min(roc.falsePositiveRates().length, roc.truePositiveRates().length)))));
        return facts;
    }

    /** The set whose ROC AUC per epoch the panel shows: validation if it was measured, else the test set's. */
    String aucBarsHeading() {
        return aucMetric().split() == DataSplit.VALIDATION ? "Validation ROC AUC per epoch"
                : "Test ROC AUC per epoch (not used for choices)";
    }

    /** ROC AUC per epoch, when there are few epochs with one; the chosen epoch stands out. */
    List<AucBar> aucBars() {
        TrainingMetric metric = aucMetric();
        List<EpochResult> scored = history.stream().filter(e -> Double.isFinite(e.value(metric))).toList();
        if (scored.size() < 2 || scored.size() > AUC_BARS) {
            return List.of();
        }
        int best = bestEpoch();
        List<AucBar> bars = new ArrayList<>();
        for (EpochResult e : scored) {
            double auc = e.value(metric);
            double width = Math.max(0, Math.min(1, (auc - 0.5) / 0.5)) * 100;
            bars.add(new AucBar(e.epoch() == best, e.epoch(), String.format(Locale.ROOT, "width:%.1f%%", width),
                    fixed(auc, 4)));
        }
        return bars;
    }

    private TrainingMetric aucMetric() {
        TrainingMetric validation = new TrainingMetric(DataSplit.VALIDATION, Measure.ROC_AUC);
        return history.stream().anyMatch(e -> e.metrics().containsKey(validation)) ? validation
                : new TrainingMetric(DataSplit.TEST, Measure.ROC_AUC);
    }

    // ---------------------------------------------------------------- settings and summary

    Map<String, String> settings() {
        return data.settings();
    }

    String summary() {
        String text = data.summary();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    // ---------------------------------------------------------------- history

    /** The metrics the history has, in history.csv's order: training, validation, then test every epoch. */
    private List<TrainingMetric> historyMetrics() {
        return TrainingMetric.producedFor(metrics.kind(), true, true).stream()
                .filter(m -> history.stream().anyMatch(e -> e.metrics().containsKey(m)))
                .toList();
    }

    /** The history's column groups: one per set, the test set's marked as chosen on never. */
    List<Group> historyGroups() {
        List<Group> groups = new ArrayList<>();
        for (DataSplit split : DataSplit.values()) {
            int span = (int) historyMetrics().stream().filter(m -> m.split() == split).count();
            if (span > 0) {
                groups.add(switch (split) {
                    case TRAIN -> new Group("Train", span, "train", "the training set");
                    case VALIDATION -> new Group("Validation", span, "val", "the validation set: the epoch is"
                            + " chosen on it");
                    case TEST -> new Group("Test, every epoch (not used for choices)", span, "test",
                            "the test set, evaluated after every epoch for the curves; nothing is chosen on it");
                });
            }
        }
        return groups;
    }

    List<Column> historyColumns() {
        return historyMetrics().stream().map(m -> new Column(ReportFormat.measureName(m.measure()),
                switch (m.split()) {
                    case TRAIN -> "train";
                    case VALIDATION -> "val";
                    case TEST -> "test";
                })).toList();
    }

    /** The label of the chosen epoch's row: {@code best · val_loss}. */
    String bestLabel() {
        return "best \u00b7 " + metrics.monitor();
    }

    String historyNote() {
        return history.size() + (history.size() == 1 ? " epoch" : " epochs")
                + (bestEpoch() > 0 ? " \u00b7 highlighted: the chosen epoch, best by " + metrics.monitor() : "");
    }

    List<HistoryRow> historyRows() {
        int best = bestEpoch();
        List<TrainingMetric> columns = historyMetrics();
        List<HistoryRow> rows = new ArrayList<>(history.size());
        for (EpochResult e : history) {
            List<String> values = new ArrayList<>(columns.size());
            for (TrainingMetric metric : columns) {
                values.add(ReportFormat.measure(metric.measure(), e.value(metric)));
            }
            rows.add(new HistoryRow(e.epoch() == best, e.epoch(), values, ReportFormat.learningRate(e.learningRate()),
                    fixed(e.seconds(), 2), megabytes(e.rssMegabytes())));
        }
        return rows;
    }

    // ---------------------------------------------------------------- timings

    List<Fact> timingFacts() {
        List<Fact> facts = new ArrayList<>();
        double total = metrics.trainSeconds();
        facts.add(new Fact("Total training time", duration(total) + (total >= 60 ? " (" + fixed(total, 1) + " s)" : "")));
        if (!history.isEmpty()) {
            facts.add(new Fact("Mean per epoch", fixed(epochSeconds() / history.size(), 2) + " s"));
            EpochResult fastest = extreme(EpochResult::seconds, false);
            EpochResult slowest = extreme(EpochResult::seconds, true);
            facts.add(new Fact("Fastest epoch", fixed(fastest.seconds(), 2) + " s (epoch " + fastest.epoch() + ")"));
            facts.add(new Fact("Slowest epoch", fixed(slowest.seconds(), 2) + " s (epoch " + slowest.epoch() + ")"));
        }
        if (Double.isFinite(metrics.samplesPerSecond())) {
            facts.add(new Fact("Throughput", integer(metrics.samplesPerSecond()) + " samples/s"));
        }
        facts.add(new Fact("Peak resident memory", megabytes(peakRss())));
        return facts;
    }

    /** Whether each bar carries its value and epoch: few epochs. */
    boolean labelledBars() {
        return history.size() <= LABELLED_BARS;
    }

    /** Seconds per epoch as bars; empty when there is nothing to draw. */
    List<Bar> bars() {
        double max = maxSeconds();
        if (history.isEmpty() || max <= 0) {
            return List.of();
        }
        List<Bar> bars = new ArrayList<>(history.size());
        for (EpochResult e : history) {
            long height = Double.isFinite(e.seconds()) ? Math.max(2, Math.round(e.seconds() / max * BAR_HEIGHT)) : 0;
            bars.add(new Bar("height:" + height + "px", String.format(Locale.ROOT, "epoch %d: %.2f s", e.epoch(),
                    e.seconds()), fixed(e.seconds(), history.size() > 12 ? 1 : 2), e.epoch()));
        }
        return bars;
    }

    int firstEpoch() {
        return history.get(0).epoch();
    }

    int lastEpoch() {
        return history.get(history.size() - 1).epoch();
    }

    String maxSecondsText() {
        return fixed(maxSeconds(), 2);
    }

    List<String> runFiles() {
        return runFiles;
    }

    // ---------------------------------------------------------------- numbers

    private double maxSeconds() {
        return history.stream().mapToDouble(EpochResult::seconds).filter(Double::isFinite).max().orElse(0);
    }

    private double rocAuc() {
        OptionalDouble auc = metrics.test().map(RunMetrics.SetMetrics::rocAuc).orElse(OptionalDouble.empty());
        return auc.isPresent() ? auc.getAsDouble()
                : data.predictions().rocCurves().stream().findFirst().map(RocCurve::area).orElse(Double.NaN);
    }

    /** The best epoch, or 0 if the metrics name none or one that is not in the history. */
    private int bestEpoch() {
        int best = metrics.bestEpoch();
        return best > 0 && history.stream().anyMatch(e -> e.epoch() == best) ? best : 0;
    }

    private EpochResult extreme(ToDoubleFunction<EpochResult> value, boolean largest) {
        EpochResult pick = history.get(0);
        for (EpochResult e : history) {
            double v = value.applyAsDouble(e);
            double p = value.applyAsDouble(pick);
            if (Double.isNaN(p) || (largest ? v > p : v < p)) {
                pick = e;
            }
        }
        return pick;
    }

    private double epochSeconds() {
        return history.stream().mapToDouble(EpochResult::seconds).filter(Double::isFinite).sum();
    }

    /** The larger of the process's peak and the highest resident size an epoch recorded. */
    private double peakRss() {
        double fromHistory = history.stream().mapToDouble(EpochResult::rssMegabytes).filter(Double::isFinite)
                .max().orElse(Double.NaN);
        double fromMetrics = metrics.peakRssMegabytes();
        if (Double.isFinite(fromMetrics) && Double.isFinite(fromHistory)) {
            return Math.max(fromMetrics, fromHistory);
        }
        return Double.isFinite(fromMetrics) ? fromMetrics : fromHistory;
    }
}
