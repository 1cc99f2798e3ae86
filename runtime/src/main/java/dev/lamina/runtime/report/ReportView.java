package dev.lamina.runtime.report;

import static dev.lamina.runtime.report.ReportFormat.duration;
import static dev.lamina.runtime.report.ReportFormat.fixed;
import static dev.lamina.runtime.report.ReportFormat.integer;
import static dev.lamina.runtime.report.ReportFormat.megabytes;
import static dev.lamina.runtime.report.ReportFormat.percent;

import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;

import java.util.ArrayList;
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

    /** One history row, formatted; {@code best} marks the best epoch. */
    record HistoryRow(boolean best, int epoch, String trainLoss, String trainAccuracy, String testLoss,
            String testAccuracy, String testRocAuc, String learningRate, String seconds, String rss) {}

    /** One timing bar: its height in pixels, tooltip, and label (value and epoch) when labelled. */
    record Bar(String style, String title, String value, int epoch) {}

    /** One epoch's test ROC AUC as a horizontal bar from chance (0.5) to perfect (1.0). */
    record AucBar(boolean top, int epoch, String style, String value) {}

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
        metrics.test().ifPresentOrElse(
                test -> chips.add(integer(test.samples()) + " test samples"),
                () -> chips.add("no test set"));
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

    List<Card> cards() {
        List<Card> cards = new ArrayList<>();
        if (metrics.hasTestSet()) {
            RunMetrics.SetMetrics test = metrics.test().get();
            cards.add(new Card("accent", "Test accuracy", percent(test.accuracy(), 2), "loss " + fixed(test.loss(), 4)));
        } else {
            cards.add(new Card("accent", "Train accuracy", percent(metrics.finalTrainAccuracy(), 2), "no test set"));
        }
        if (showsRocAuc()) {
            cards.add(new Card("violet", "Test ROC AUC", fixed(rocAuc(), 4), "area under ROC"));
        }
        cards.add(new Card("blue", "Final train loss", fixed(metrics.finalTrainLoss(), 4),
                metrics.hasTestSet() ? "accuracy " + percent(metrics.finalTrainAccuracy(), 2) : "last epoch"));
        int best = bestEpoch();
        String epochNote = metrics.stoppedEarly()
                ? (best > 0 ? "best " + best + " \u00b7 " : "") + "early stop"
                : best > 0 ? "best epoch " + best : "completed";
        cards.add(new Card("", "Epochs", integer(metrics.epochs()), epochNote));
        cards.add(new Card("", "Train time", duration(metrics.trainSeconds()),
                history.isEmpty() ? "" : fixed(epochSeconds() / history.size(), 2) + " s / epoch"));
        cards.add(new Card("", "Samples / s", integer(metrics.samplesPerSecond()),
                integer(metrics.trainSamples()) + " per epoch"));
        cards.add(new Card("", "Peak RSS", megabytes(peakRss()), "resident memory"));
        return cards;
    }

    List<Figure> curves() {
        return List.of(
                new Figure(RunReport.LOSS_PNG, "Loss per epoch", ReportCharts.CURVE_WIDTH, ReportCharts.CURVE_HEIGHT),
                new Figure(RunReport.ACCURACY_PNG, "Accuracy per epoch", ReportCharts.CURVE_WIDTH,
                        ReportCharts.CURVE_HEIGHT));
    }

    // ---------------------------------------------------------------- evaluation on the test set

    Optional<Figure> rocFigure() {
        return data.rocCurve().map(roc -> new Figure(RunReport.ROC_PNG, "ROC curve on the test set",
                ReportCharts.ROC_WIDTH, ReportCharts.ROC_HEIGHT));
    }

    Optional<ConfusionMatrixView> confusionMatrix() {
        return data.confusionMatrix().filter(m -> m.length > 0).map(ConfusionMatrixView::new);
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
        facts.add(new Fact("Accuracy (threshold 0.5)",
                percent(metrics.test().map(RunMetrics.SetMetrics::accuracy).orElse(Double.NaN), 2)));
        facts.add(new Fact("Loss", fixed(metrics.test().map(RunMetrics.SetMetrics::loss).orElse(Double.NaN), 4)));
        data.rocCurve().ifPresent(roc -> facts.add(new Fact("Points on the curve",
                integer(Math.min(roc.falsePositiveRates().length, roc.truePositiveRates().length)))));
        return facts;
    }

    /** Test ROC AUC per epoch, when there are few epochs with one. */
    List<AucBar> aucBars() {
        List<EpochResult> scored = history.stream().filter(e -> Double.isFinite(e.testRocAuc())).toList();
        if (scored.size() < 2 || scored.size() > AUC_BARS) {
            return List.of();
        }
        int best = bestAucEpoch();
        List<AucBar> bars = new ArrayList<>();
        for (EpochResult e : scored) {
            double width = Math.max(0, Math.min(1, (e.testRocAuc() - 0.5) / 0.5)) * 100;
            bars.add(new AucBar(e.epoch() == best, e.epoch(), String.format(Locale.ROOT, "width:%.1f%%", width),
                    fixed(e.testRocAuc(), 4)));
        }
        return bars;
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

    boolean hasTestSet() {
        return metrics.hasTestSet();
    }

    /** The ROC AUC column and card: binary networks with a test set. */
    boolean showsRocAuc() {
        return metrics.binary() && metrics.hasTestSet();
    }

    String historyNote() {
        return history.size() + (history.size() == 1 ? " epoch" : " epochs")
                + (bestEpoch() > 0 ? " \u00b7 highlighted: best epoch" : "");
    }

    List<HistoryRow> historyRows() {
        int best = bestEpoch();
        List<HistoryRow> rows = new ArrayList<>(history.size());
        for (EpochResult e : history) {
            rows.add(new HistoryRow(e.epoch() == best, e.epoch(), fixed(e.trainLoss(), 4), percent(e.trainAccuracy(), 2),
                    fixed(e.testLoss(), 4), percent(e.testAccuracy(), 2), fixed(e.testRocAuc(), 4),
                    ReportFormat.learningRate(e.learningRate()), fixed(e.seconds(), 2), megabytes(e.rssMegabytes())));
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
        return auc.isPresent() ? auc.getAsDouble() : data.rocCurve().map(RocCurve::area).orElse(Double.NaN);
    }

    /** The best epoch, or 0 if the metrics name none or one that is not in the history. */
    private int bestEpoch() {
        int best = metrics.bestEpoch();
        return best > 0 && history.stream().anyMatch(e -> e.epoch() == best) ? best : 0;
    }

    private int bestAucEpoch() {
        EpochResult best = null;
        for (EpochResult e : history) {
            if (Double.isFinite(e.testRocAuc()) && (best == null || e.testRocAuc() > best.testRocAuc())) {
                best = e;
            }
        }
        return best == null ? 0 : best.epoch();
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
