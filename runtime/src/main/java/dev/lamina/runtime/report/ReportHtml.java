package dev.lamina.runtime.report;

import dev.lamina.runtime.train.EpochResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The report page: one self-contained HTML document with inline CSS, no scripts and no requests beyond
 * the chart images beside it. Every piece of text from the run is escaped.
 */
final class ReportHtml {

    /** Up to this many epochs the timing bars carry their values and epoch numbers. */
    private static final int LABELLED_BARS = 24;
    /** Up to this many epochs the ROC panel shows the AUC of each. */
    private static final int AUC_BARS = 12;
    /** Height of the tallest timing bar, in CSS pixels. */
    private static final int BAR_HEIGHT = 120;

    private final ReportData data;
    private final List<EpochResult> history;
    private final EpochResult last;
    private final boolean hasTest;
    private final boolean binary;
    private final List<String> runFiles;

    private ReportHtml(ReportData data, List<String> runFiles) {
        this.data = data;
        this.history = data.history() == null ? List.of() : data.history();
        this.last = history.isEmpty() ? null : history.get(history.size() - 1);
        this.hasTest = history.stream().anyMatch(e -> !Double.isNaN(e.testLoss()))
                || Double.isFinite(metric("test_accuracy"));
        this.binary = data.rocCurve().isPresent()
                || history.stream().anyMatch(e -> !Double.isNaN(e.testRocAuc()));
        this.runFiles = runFiles;
    }

    /**
     * The page for a run.
     *
     * @param runFiles names of other run files to link in the footer (history.csv, ...), in order
     */
    static String render(ReportData data, List<String> runFiles) {
        return new ReportHtml(data, runFiles).page();
    }

    private String page() {
        StringBuilder html = new StringBuilder(32_768);
        String name = data.metrics().network();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Lamina\">\n")
                .append("<title>").append(escape(name)).append(" \u00b7 Lamina run report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main class=\"wrap\">\n");
        hero(html, name);
        cards(html);
        curves(html);
        evaluation(html);
        configuration(html);
        historyTable(html);
        timings(html);
        footer(html);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    // ---------------------------------------------------------------- sections

    private void hero(StringBuilder html, String name) {
        html.append("<header class=\"hero\">\n<div class=\"eyebrow\">Lamina \u00b7 training run report</div>\n")
                .append("<h1>").append(escape(name)).append("</h1>\n<div class=\"chips\">");
        double trainSamples = metric("train_samples");
        double testSamples = metric("test_samples");
        if (Double.isFinite(trainSamples)) {
            chip(html, integer(trainSamples) + " training samples");
        }
        if (Double.isFinite(testSamples) && testSamples > 0) {
            chip(html, integer(testSamples) + " test samples");
        } else if (!hasTest) {
            chip(html, "no test set");
        }
        double batch = metric("batch_size");
        if (Double.isFinite(batch)) {
            chip(html, "batch " + integer(batch));
        }
        text("loss").ifPresent(loss -> chip(html, lossName(loss)));
        text("device").ifPresent(device -> {
            double threads = metric("threads");
            chip(html, device + (Double.isFinite(threads)
                    ? " \u00b7 " + integer(threads) + (threads == 1 ? " thread" : " threads") : ""));
        });
        if (flag("stopped_early")) {
            chip(html, "stopped early");
        }
        html.append("</div>\n</header>\n");
    }

    private void cards(StringBuilder html) {
        html.append("<section class=\"cards\">\n");
        if (hasTest) {
            double accuracy = firstFinite(metric("test_accuracy"), last == null ? Double.NaN : last.testAccuracy());
            double loss = firstFinite(metric("test_loss"), last == null ? Double.NaN : last.testLoss());
            card(html, "accent", "Test accuracy", percent(accuracy, 2), "loss " + fixed(loss, 4));
        } else {
            double accuracy = firstFinite(metric("final_train_accuracy"), last == null ? Double.NaN : last.trainAccuracy());
            card(html, "accent", "Train accuracy", percent(accuracy, 2), "no test set");
        }
        if (binary) {
            double auc = firstFinite(metric("test_roc_auc"),
                    data.rocCurve().map(RocCurve::area).orElse(Double.NaN),
                    last == null ? Double.NaN : last.testRocAuc());
            card(html, "violet", "Test ROC AUC", fixed(auc, 4), "area under ROC");
        }
        double trainLoss = firstFinite(metric("final_train_loss"), last == null ? Double.NaN : last.trainLoss());
        double trainAccuracy = firstFinite(metric("final_train_accuracy"), last == null ? Double.NaN : last.trainAccuracy());
        card(html, "blue", "Final train loss", fixed(trainLoss, 4),
                hasTest ? "accuracy " + percent(trainAccuracy, 2) : "last epoch");
        int bestEpoch = bestEpoch();
        String epochNote = flag("stopped_early")
                ? (bestEpoch > 0 ? "best " + bestEpoch + " \u00b7 " : "") + "early stop"
                : bestEpoch > 0 ? "best epoch " + bestEpoch : "completed";
        card(html, "", "Epochs", last == null ? "\u2014" : integer(last.epoch()), epochNote);
        double seconds = trainSeconds();
        card(html, "", "Train time", duration(seconds),
                history.isEmpty() ? "" : fixed(epochSeconds() / history.size(), 2) + " s / epoch");
        double throughput = metric("samples_per_second");
        double trainSamples = metric("train_samples");
        card(html, "", "Samples / s", Double.isFinite(throughput) ? integer(throughput) : "\u2014",
                Double.isFinite(trainSamples) ? integer(trainSamples) + " per epoch" : "training throughput");
        card(html, "", "Peak RSS", megabytes(peakRss()), "resident memory");
        html.append("</section>\n");
    }

    private void curves(StringBuilder html) {
        html.append("<section class=\"grid two\">\n");
        figure(html, RunReport.LOSS_PNG, "Loss per epoch", ReportCharts.CURVE_WIDTH, ReportCharts.CURVE_HEIGHT);
        figure(html, RunReport.ACCURACY_PNG, "Accuracy per epoch", ReportCharts.CURVE_WIDTH,
                ReportCharts.CURVE_HEIGHT);
        html.append("</section>\n");
    }

    private void evaluation(StringBuilder html) {
        Optional<RocCurve> roc = data.rocCurve();
        Optional<int[][]> matrix = data.confusionMatrix().filter(m -> m.length > 0);
        if (roc.isEmpty() && matrix.isEmpty()) {
            return;
        }
        if (roc.isPresent()) {
            html.append("<section class=\"grid roc-row\">\n");
            figure(html, RunReport.ROC_PNG, "ROC curve on the test set", ReportCharts.ROC_WIDTH,
                    ReportCharts.ROC_HEIGHT);
            if (matrix.isPresent()) {
                confusion(html, matrix.get());
            } else {
                aucPanel(html, roc.get());
            }
            html.append("</section>\n");
        } else {
            html.append("<section>\n");
            confusion(html, matrix.get());
            html.append("</section>\n");
        }
    }

    private void aucPanel(StringBuilder html, RocCurve roc) {
        double auc = firstFinite(metric("test_roc_auc"), roc.area());
        double position = Double.isFinite(auc) ? Math.max(0, Math.min(1, (auc - 0.5) / 0.5)) * 100 : 0;
        html.append("<div class=\"card panel\">\n<h2>Test set</h2>\n")
                .append("<div class=\"big\">").append(fixed(auc, 4)).append("<span>ROC AUC</span></div>\n")
                .append("<div class=\"gauge\" role=\"img\" aria-label=\"ROC AUC between chance (0.5) and perfect (1.0)\">")
                .append("<div class=\"gauge-bar\"></div><div class=\"gauge-mark\" style=\"left:")
                .append(String.format(Locale.ROOT, "%.1f", position)).append("%\"></div></div>\n")
                .append("<div class=\"gauge-scale\"><span>0.5 chance</span><span>0.75</span><span>1.0 perfect</span></div>\n")
                .append("<dl class=\"facts\">\n");
        double accuracy = firstFinite(metric("test_accuracy"), last == null ? Double.NaN : last.testAccuracy());
        double loss = firstFinite(metric("test_loss"), last == null ? Double.NaN : last.testLoss());
        fact(html, "Accuracy (threshold 0.5)", percent(accuracy, 2));
        fact(html, "Loss", fixed(loss, 4));
        fact(html, "Points on the curve", integer(Math.min(roc.falsePositiveRates().length,
                roc.truePositiveRates().length)));
        html.append("</dl>\n");
        aucBars(html);
        html.append("<p class=\"explain\">The curve plots the true positive rate against the false positive rate "
                + "at every threshold on the network's score; the dashed diagonal is a random guess.</p>\n</div>\n");
    }

    /** Test ROC AUC per epoch as horizontal bars from 0.5 (chance) to 1.0, when there are few epochs. */
    private void aucBars(StringBuilder html) {
        List<EpochResult> scored = history.stream().filter(e -> Double.isFinite(e.testRocAuc())).toList();
        if (scored.size() < 2 || scored.size() > AUC_BARS) {
            return;
        }
        int best = bestAucEpoch();
        html.append("<h3>ROC AUC per epoch</h3>\n<div class=\"hbars\">\n");
        for (EpochResult e : scored) {
            double width = Math.max(0, Math.min(1, (e.testRocAuc() - 0.5) / 0.5)) * 100;
            html.append("<div").append(e.epoch() == best ? " class=\"top\"" : "").append("><span class=\"k\">")
                    .append(e.epoch()).append("</span><span class=\"track\"><i style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", width)).append("%\"></i></span><span class=\"v\">")
                    .append(fixed(e.testRocAuc(), 4)).append("</span></div>\n");
        }
        html.append("</div>\n");
    }

    private void confusion(StringBuilder html, int[][] matrix) {
        int n = matrix.length;
        long[] rowTotals = new long[n];
        long[] columnTotals = new long[n];
        long correct = 0;
        long total = 0;
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                int count = count(matrix, actual, predicted);
                rowTotals[actual] += count;
                columnTotals[predicted] += count;
                total += count;
                if (actual == predicted) {
                    correct += count;
                }
            }
        }
        double worstConfusion = 0;
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                if (actual != predicted && rowTotals[actual] > 0) {
                    worstConfusion = Math.max(worstConfusion, (double) count(matrix, actual, predicted) / rowTotals[actual]);
                }
            }
        }
        String density = n > 24 ? " tiny" : n > 12 ? " dense" : "";
        html.append("<div class=\"card\">\n<div class=\"card-head\"><h2>Confusion matrix</h2>")
                .append("<span class=\"muted\">test set \u00b7 ").append(integer(total)).append(" samples \u00b7 ")
                .append(percent(total == 0 ? Double.NaN : (double) correct / total, 2)).append(" correct</span></div>\n")
                .append("<div class=\"cm-scroll\"><table class=\"cm").append(density).append("\">\n<thead>\n")
                .append("<tr><th></th><th class=\"axis\" colspan=\"").append(n)
                .append("\" scope=\"colgroup\">Predicted class \u2192</th><th></th></tr>\n")
                .append("<tr><th class=\"axis actual\" scope=\"col\">Actual \u2193</th>");
        for (int predicted = 0; predicted < n; predicted++) {
            html.append("<th class=\"label\" scope=\"col\">").append(predicted).append("</th>");
        }
        html.append("<th class=\"metric\" scope=\"col\">Recall</th></tr>\n</thead>\n<tbody>\n");
        for (int actual = 0; actual < n; actual++) {
            html.append("<tr><th class=\"label\" scope=\"row\">").append(actual).append("</th>");
            for (int predicted = 0; predicted < n; predicted++) {
                int count = count(matrix, actual, predicted);
                double share = rowTotals[actual] == 0 ? 0 : (double) count / rowTotals[actual];
                html.append(cell(actual == predicted, count, share, worstConfusion, actual, predicted));
            }
            double recall = rowTotals[actual] == 0 ? Double.NaN : (double) count(matrix, actual, actual) / rowTotals[actual];
            html.append(metricCell(recall)).append("</tr>\n");
        }
        html.append("</tbody>\n<tfoot>\n<tr><th class=\"metric-label\" scope=\"row\">Precision</th>");
        for (int predicted = 0; predicted < n; predicted++) {
            double precision = columnTotals[predicted] == 0 ? Double.NaN
                    : (double) count(matrix, predicted, predicted) / columnTotals[predicted];
            html.append(metricCell(precision));
        }
        html.append("<td class=\"overall\" title=\"accuracy\">")
                .append(percent(total == 0 ? Double.NaN : (double) correct / total, 1)).append("</td></tr>\n")
                .append("</tfoot>\n</table></div>\n")
                .append("<p class=\"legend\"><span class=\"swatch ok\"></span>correct")
                .append("<span class=\"swatch bad\"></span>confused (darker: a larger share of the actual class)")
                .append(" \u00b7 recall per row \u00b7 precision per column</p>\n</div>\n");
    }

    private static int count(int[][] matrix, int actual, int predicted) {
        return matrix[actual] != null && predicted < matrix[actual].length ? matrix[actual][predicted] : 0;
    }

    /**
     * A heat map cell: blue by the share of the class predicted correctly on the diagonal; red off it, by
     * the share of the class confused, relative to the worst confusion.
     */
    private static String cell(boolean diagonal, int count, double share, double worstConfusion, int actual,
            int predicted) {
        String title = String.format(Locale.ROOT, "actual %d, predicted %d: %,d (%.1f%% of class %d)",
                actual, predicted, count, share * 100, actual);
        if (count == 0) {
            return "<td class=\"zero\" title=\"" + escape(title) + "\">0</td>";
        }
        double alpha;
        String rgb;
        if (diagonal) {
            alpha = 0.15 + 0.85 * share;
            rgb = "37,99,235";
        } else {
            alpha = 0.07 + 0.68 * (worstConfusion == 0 ? 0 : Math.min(1, share / worstConfusion));
            rgb = "225,29,72";
        }
        boolean dark = alpha > 0.55;
        return String.format(Locale.ROOT, "<td class=\"%s\" style=\"background:rgba(%s,%.3f)\" title=\"%s\">%,d</td>",
                (diagonal ? "diag" : "off") + (dark ? " dark" : ""), rgb, alpha, escape(title), count);
    }

    private static String metricCell(double value) {
        return "<td class=\"metric\">" + percent(value, 1) + "</td>";
    }

    private void configuration(StringBuilder html) {
        html.append("<section class=\"grid config\">\n<div class=\"card\">\n<h2>Run settings</h2>\n");
        Map<String, String> settings = data.settings() == null ? Map.of() : data.settings();
        if (settings.isEmpty()) {
            html.append("<p class=\"muted\">No settings recorded.</p>\n");
        } else {
            html.append("<table class=\"kv\">\n<tbody>\n");
            settings.forEach((key, value) -> html.append("<tr><th scope=\"row\">").append(escape(key))
                    .append("</th><td>").append(escape(value)).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        html.append("</div>\n<div class=\"card\">\n<h2>Model summary</h2>\n<pre class=\"summary\">")
                .append(escape(data.summary() == null ? "" : stripTrailingNewlines(data.summary())))
                .append("</pre>\n</div>\n</section>\n");
    }

    private void historyTable(StringBuilder html) {
        int best = bestEpoch();
        html.append("<section class=\"card\">\n<div class=\"card-head\"><h2>History</h2><span class=\"muted\">")
                .append(history.size()).append(history.size() == 1 ? " epoch" : " epochs");
        if (best > 0) {
            html.append(" \u00b7 highlighted: best epoch");
        }
        html.append("</span></div>\n<div class=\"table-scroll\"><table class=\"history\">\n<thead><tr>")
                .append("<th>Epoch</th><th><i class=\"dot train\"></i>Train loss</th>")
                .append("<th><i class=\"dot train\"></i>Train acc.</th>");
        if (hasTest) {
            html.append("<th><i class=\"dot test\"></i>Test loss</th><th><i class=\"dot test\"></i>Test acc.</th>");
        }
        if (binary && hasTest) {
            html.append("<th>Test ROC AUC</th>");
        }
        html.append("<th>Learning rate</th><th>Seconds</th><th>RSS</th></tr></thead>\n<tbody>\n");
        for (EpochResult e : history) {
            html.append(e.epoch() == best ? "<tr class=\"best\">" : "<tr>")
                    .append("<td>").append(e.epoch()).append(e.epoch() == best ? "<span class=\"pill\">best</span>" : "")
                    .append("</td><td>").append(fixed(e.trainLoss(), 4)).append("</td><td>")
                    .append(percent(e.trainAccuracy(), 2)).append("</td>");
            if (hasTest) {
                html.append("<td>").append(fixed(e.testLoss(), 4)).append("</td><td>")
                        .append(percent(e.testAccuracy(), 2)).append("</td>");
            }
            if (binary && hasTest) {
                html.append("<td>").append(fixed(e.testRocAuc(), 4)).append("</td>");
            }
            html.append("<td>").append(learningRate(e.learningRate())).append("</td><td>")
                    .append(fixed(e.seconds(), 2)).append("</td><td>").append(megabytes(e.rssMegabytes()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private void timings(StringBuilder html) {
        html.append("<section class=\"card\">\n<div class=\"card-head\"><h2>Timings</h2>")
                .append("<span class=\"muted\">wall-clock seconds per epoch, including evaluation</span></div>\n")
                .append("<div class=\"timings\">\n<dl class=\"facts\">\n");
        double total = trainSeconds();
        fact(html, "Total training time", duration(total) + (total >= 60 ? " (" + fixed(total, 1) + " s)" : ""));
        if (!history.isEmpty()) {
            fact(html, "Mean per epoch", fixed(epochSeconds() / history.size(), 2) + " s");
            EpochResult fastest = extreme(EpochResult::seconds, false);
            EpochResult slowest = extreme(EpochResult::seconds, true);
            fact(html, "Fastest epoch", fixed(fastest.seconds(), 2) + " s (epoch " + fastest.epoch() + ")");
            fact(html, "Slowest epoch", fixed(slowest.seconds(), 2) + " s (epoch " + slowest.epoch() + ")");
        }
        double throughput = metric("samples_per_second");
        if (Double.isFinite(throughput)) {
            fact(html, "Throughput", integer(throughput) + " samples/s");
        }
        fact(html, "Peak resident memory", megabytes(peakRss()));
        html.append("</dl>\n");
        double max = history.stream().mapToDouble(EpochResult::seconds).filter(Double::isFinite).max().orElse(0);
        if (!history.isEmpty() && max > 0) {
            boolean labelled = history.size() <= LABELLED_BARS;
            html.append("<div class=\"bars-wrap\"><div class=\"bars").append(labelled ? " labelled" : "")
                    .append("\" role=\"img\" aria-label=\"seconds per epoch\">");
            for (EpochResult e : history) {
                long height = Double.isFinite(e.seconds()) ? Math.max(2, Math.round(e.seconds() / max * BAR_HEIGHT)) : 0;
                String bar = String.format(Locale.ROOT, "<i style=\"height:%dpx\" title=\"epoch %d: %.2f s\"></i>",
                        height, e.epoch(), e.seconds());
                if (labelled) {
                    html.append("<div class=\"col\"><span class=\"v\">").append(fixed(e.seconds(), history.size() > 12 ? 1 : 2))
                            .append("</span>").append(bar).append("<span class=\"e\">").append(e.epoch())
                            .append("</span></div>");
                } else {
                    html.append(bar);
                }
            }
            html.append("</div>");
            if (labelled) {
                html.append("<div class=\"bars-caption\">seconds per epoch</div>");
            } else {
                html.append("<div class=\"bars-axis\"><span>epoch ").append(history.get(0).epoch())
                        .append("</span><span>seconds per epoch \u00b7 max ").append(fixed(max, 2))
                        .append(" s</span><span>epoch ").append(last.epoch()).append("</span></div>");
            }
            html.append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private void footer(StringBuilder html) {
        html.append("<footer>Generated by Lamina");
        if (!runFiles.isEmpty()) {
            html.append(" \u00b7 run files: ");
            for (int i = 0; i < runFiles.size(); i++) {
                String file = escape(runFiles.get(i));
                html.append(i == 0 ? "" : ", ").append("<a href=\"").append(file).append("\">").append(file)
                        .append("</a>");
            }
        }
        html.append("</footer>\n");
    }

    // ---------------------------------------------------------------- pieces

    private static void chip(StringBuilder html, String text) {
        html.append("<span>").append(escape(text)).append("</span>");
    }

    private static void card(StringBuilder html, String tone, String label, String value, String note) {
        html.append("<div class=\"card kpi").append(tone.isEmpty() ? "" : " " + tone).append("\">")
                .append("<div class=\"label\">").append(escape(label)).append("</div>")
                .append("<div class=\"value\">").append(escape(value)).append("</div>")
                .append("<div class=\"note\">").append(escape(note)).append("</div></div>\n");
    }

    private static void figure(StringBuilder html, String file, String alt, int width, int height) {
        html.append("<figure class=\"card chart\"><img src=\"").append(escape(file)).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" alt=\"").append(escape(alt))
                .append("\"></figure>\n");
    }

    private static void fact(StringBuilder html, String label, String value) {
        html.append("<div><dt>").append(escape(label)).append("</dt><dd>").append(escape(value))
                .append("</dd></div>\n");
    }

    // ---------------------------------------------------------------- numbers

    private double metric(String key) {
        Object value = data.metrics().toJsonMap().get(key);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private Optional<String> text(String key) {
        Object value = data.metrics().toJsonMap().get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    private boolean flag(String key) {
        Object value = data.metrics().toJsonMap().get(key);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
    }

    private int bestEpoch() {
        double best = metric("best_epoch");
        if (!Double.isFinite(best) || best <= 0) {
            return 0;
        }
        int epoch = (int) best;
        return history.stream().anyMatch(e -> e.epoch() == epoch) ? epoch : 0;
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

    private double trainSeconds() {
        return firstFinite(metric("train_seconds"), history.isEmpty() ? Double.NaN : epochSeconds());
    }

    private double peakRss() {
        double fromHistory = history.stream().mapToDouble(EpochResult::rssMegabytes).filter(Double::isFinite)
                .max().orElse(Double.NaN);
        double fromMetrics = metric("peak_rss_mb");
        if (Double.isFinite(fromMetrics) && Double.isFinite(fromHistory)) {
            return Math.max(fromMetrics, fromHistory);
        }
        return firstFinite(fromMetrics, fromHistory);
    }

    private static double firstFinite(double... values) {
        for (double value : values) {
            if (Double.isFinite(value)) {
                return value;
            }
        }
        return Double.NaN;
    }

    static String fixed(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "\u2014";
    }

    static String percent(double fraction, int digits) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%." + digits + "f%%", fraction * 100) : "\u2014";
    }

    static String integer(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,d", Math.round(value)) : "\u2014";
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "\u2014";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, (whole % 3600) / 60);
    }

    static String megabytes(double megabytes) {
        if (!Double.isFinite(megabytes)) {
            return "\u2014";
        }
        return megabytes >= 10_240 ? String.format(Locale.ROOT, "%.1f GB", megabytes / 1024)
                : String.format(Locale.ROOT, "%,d MB", Math.round(megabytes));
    }

    static String learningRate(double rate) {
        if (!Double.isFinite(rate)) {
            return "\u2014";
        }
        if (rate == 0) {
            return "0";
        }
        if (Math.abs(rate) >= 1e-3 && Math.abs(rate) < 1e4) {
            return new BigDecimal(rate).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(rate)));
        BigDecimal mantissa = new BigDecimal(rate / Math.pow(10, exponent)).round(new MathContext(3))
                .stripTrailingZeros();
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            mantissa = mantissa.movePointLeft(1).stripTrailingZeros();
            exponent++;
        }
        return mantissa.toPlainString() + "e" + exponent;
    }

    private static String lossName(String loss) {
        return switch (loss) {
            case "CROSS_ENTROPY" -> "cross-entropy";
            case "BCE_WITH_LOGITS" -> "BCE with logits";
            default -> loss;
        };
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- style

    private static final String CSS = """
            :root {
              --bg: #f3f5f9; --card: #ffffff; --ink: #0f172a; --text: #334155; --muted: #64748b;
              --line: #e2e8f0; --soft: #f8fafc; --accent: #4f46e5; --train: #2563eb; --test: #f97316;
              --mono: ui-monospace, "SF Mono", SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono",
                      "Liberation Mono", monospace;
            }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body {
              margin: 0; background: var(--bg); color: var(--text);
              font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                    "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
              -webkit-font-smoothing: antialiased;
            }
            .wrap { max-width: 1240px; margin: 0 auto; padding: 28px 24px 40px; }
            section { margin: 0 0 16px; }
            h2 { margin: 0 0 12px; font-size: 15px; font-weight: 650; color: var(--ink); letter-spacing: .01em; }
            .muted { color: var(--muted); font-size: 13px; }
            .card {
              background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 18px 20px;
              box-shadow: 0 1px 2px rgba(15, 23, 42, .04), 0 4px 16px -8px rgba(15, 23, 42, .08);
            }
            .card-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px;
              flex-wrap: wrap; margin-bottom: 12px; }
            .card-head h2 { margin: 0; }

            .hero {
              position: relative; overflow: hidden; border-radius: 18px; padding: 28px 32px 26px; margin-bottom: 16px;
              color: #fff; background: linear-gradient(120deg, #0f172a 0%, #1e1b4b 45%, #3730a3 100%);
            }
            .hero::after {
              content: ""; position: absolute; right: -80px; top: -120px; width: 420px; height: 420px;
              border-radius: 50%; background: radial-gradient(circle, rgba(129, 140, 248, .35), rgba(129, 140, 248, 0) 70%);
            }
            .eyebrow { font-size: 12px; font-weight: 600; letter-spacing: .14em; text-transform: uppercase;
              color: #c7d2fe; }
            .hero h1 { margin: 6px 0 14px; font-size: 34px; line-height: 1.15; font-weight: 750;
              letter-spacing: -.02em; word-break: break-word; position: relative; z-index: 1; }
            .chips { display: flex; flex-wrap: wrap; gap: 8px; position: relative; z-index: 1; }
            .chips span { font-size: 12.5px; padding: 4px 11px; border-radius: 999px; color: #e0e7ff;
              background: rgba(255, 255, 255, .10); border: 1px solid rgba(255, 255, 255, .16); }

            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
            .kpi { padding: 14px 16px 13px; position: relative; overflow: hidden; }
            .kpi::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 4px; background: #cbd5e1; }
            .kpi.accent::before { background: var(--accent); }
            .kpi.violet::before { background: #8b5cf6; }
            .kpi.blue::before { background: var(--train); }
            .kpi .label { font-size: 11.5px; font-weight: 650; letter-spacing: .07em; text-transform: uppercase;
              color: var(--muted); white-space: nowrap; }
            .kpi .value { margin: 3px 0 1px; font-size: 25px; font-weight: 700; color: var(--ink);
              font-variant-numeric: tabular-nums; letter-spacing: -.01em; white-space: nowrap; }
            .kpi.accent .value { color: var(--accent); }
            .kpi .note { font-size: 12.5px; line-height: 1.35; color: var(--muted); }

            .grid { display: grid; gap: 16px; }
            .grid.two { grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); }
            .grid.roc-row { grid-template-columns: minmax(0, 600px) minmax(300px, 1fr); align-items: stretch; }
            .grid.config { grid-template-columns: minmax(280px, 4fr) minmax(0, 7fr); align-items: start; }
            figure.chart { margin: 0; padding: 8px; display: flex; align-items: center; justify-content: center; }
            figure.chart img { display: block; width: 100%; height: auto; max-width: 100%; border-radius: 8px; }

            .panel .big { font-size: 44px; font-weight: 750; color: var(--ink); letter-spacing: -.02em;
              font-variant-numeric: tabular-nums; line-height: 1.1; }
            .panel .big span { display: block; font-size: 12px; font-weight: 650; letter-spacing: .07em;
              text-transform: uppercase; color: var(--muted); margin-top: 4px; }
            .gauge { position: relative; height: 10px; margin: 18px 0 6px; }
            .gauge-bar { position: absolute; inset: 0; border-radius: 999px;
              background: linear-gradient(90deg, #fecaca, #fde68a 35%, #a7f3d0 70%, #34d399); }
            .gauge-mark { position: absolute; top: -5px; width: 4px; height: 20px; margin-left: -2px;
              border-radius: 2px; background: var(--ink); box-shadow: 0 0 0 2px #fff; }
            .gauge-scale { display: flex; justify-content: space-between; font-size: 11.5px; color: var(--muted);
              margin-bottom: 14px; }
            .explain { font-size: 12.5px; color: var(--muted); margin: 14px 0 0; }

            .panel h3 { margin: 18px 0 8px; font-size: 11.5px; font-weight: 650; letter-spacing: .07em;
              text-transform: uppercase; color: var(--muted); }
            .hbars div { display: grid; grid-template-columns: 56px 1fr 56px; align-items: center; gap: 10px;
              padding: 3px 0; font-size: 12.5px; font-variant-numeric: tabular-nums; }
            .hbars .k { color: var(--muted); }
            .hbars .k::before { content: "epoch "; }
            .hbars .v { text-align: right; color: var(--ink); }
            .hbars .track { height: 8px; border-radius: 999px; background: #eef2f7; overflow: hidden; }
            .hbars i { display: block; height: 100%; border-radius: 999px; background: #a5b4fc; }
            .hbars .top i { background: var(--accent); }
            .hbars .top .v { font-weight: 700; }
            dl.facts { margin: 0; display: grid; gap: 0; }
            dl.facts div { display: flex; justify-content: space-between; gap: 16px; padding: 8px 0;
              border-bottom: 1px solid var(--line); }
            dl.facts div:last-child { border-bottom: 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; color: var(--ink); font-weight: 600; font-variant-numeric: tabular-nums;
              text-align: right; }

            table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
            table.kv { width: 100%; }
            table.kv th, table.kv td { text-align: left; vertical-align: top; padding: 7px 0;
              border-bottom: 1px solid var(--line); }
            table.kv tr:last-child th, table.kv tr:last-child td { border-bottom: 0; }
            table.kv th { width: 38%; padding-right: 16px; color: var(--muted); font-weight: 500; }
            table.kv td { color: var(--ink); font-weight: 550; word-break: break-word; }
            pre.summary { margin: 0; padding: 14px 16px; background: #0f172a; color: #e2e8f0; border-radius: 10px;
              font: 12px/1.55 var(--mono); overflow-x: auto; white-space: pre; tab-size: 4; }

            .table-scroll { overflow-x: auto; }
            table.history { width: 100%; font-size: 13.5px; }
            table.history th { text-align: right; font-size: 11.5px; font-weight: 650; letter-spacing: .05em;
              text-transform: uppercase; color: var(--muted); padding: 8px 12px; border-bottom: 1px solid var(--line);
              white-space: nowrap; }
            table.history td { text-align: right; padding: 7px 12px; border-bottom: 1px solid #eef2f7;
              color: var(--ink); white-space: nowrap; }
            table.history th:first-child, table.history td:first-child { text-align: left; }
            table.history tbody tr:nth-child(even) td { background: var(--soft); }
            table.history tbody tr:last-child td { border-bottom: 0; }
            table.history tr.best td { background: #eef2ff; font-weight: 650; }
            .pill { display: inline-block; margin-left: 8px; padding: 0 7px; border-radius: 999px; font-size: 10.5px;
              font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: #fff; background: var(--accent);
              vertical-align: 1px; }
            .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px;
              vertical-align: 1px; }
            .dot.train { background: var(--train); }
            .dot.test { background: var(--test); }

            .cm-scroll { overflow-x: auto; display: flex; justify-content: center; }
            table.cm { font-size: 13px; }
            table.cm td, table.cm th { width: 54px; height: 38px; text-align: center; padding: 0 4px; }
            table.cm td { border: 2px solid #fff; border-radius: 6px; color: var(--ink); }
            table.cm td.dark { color: #fff; font-weight: 650; }
            table.cm td.diag { font-weight: 650; }
            table.cm td.zero { color: #cbd5e1; background: #f8fafc; }
            table.cm th.label { color: var(--muted); font-weight: 650; }
            table.cm th.axis { font-size: 11px; font-weight: 650; text-transform: uppercase; letter-spacing: .06em;
              color: var(--muted); height: 26px; white-space: nowrap; }
            table.cm th.axis.actual { text-align: right; padding-right: 10px; white-space: nowrap; }
            table.cm th.metric, table.cm th.metric-label { font-size: 11px; text-transform: uppercase;
              letter-spacing: .05em; color: var(--muted); font-weight: 650; }
            table.cm th.metric-label { text-align: right; padding-right: 10px; }
            table.cm td.metric { width: 64px; min-width: 64px; font-size: 12.5px; color: var(--text);
              background: #f8fafc; }
            table.cm td.overall { font-weight: 700; background: #eef2ff; color: var(--accent); }
            table.cm.dense td, table.cm.dense th { width: 40px; height: 30px; font-size: 11.5px; }
            table.cm.tiny td, table.cm.tiny th { width: 30px; height: 24px; font-size: 10px; }
            .legend { font-size: 12.5px; color: var(--muted); text-align: center; margin: 12px 0 0; }
            .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 3px; margin: 0 6px 0 14px;
              vertical-align: -1px; }
            .swatch:first-child { margin-left: 0; }
            .swatch.ok { background: rgb(37, 99, 235); }
            .swatch.bad { background: rgba(225, 29, 72, .75); }

            .timings { display: grid; grid-template-columns: minmax(260px, 2fr) minmax(0, 3fr); gap: 28px;
              align-items: center; }
            .bars-wrap { min-width: 0; }
            .bars { display: flex; align-items: flex-end; gap: 2px; border-bottom: 1px solid var(--line); }
            .bars i { display: block; flex: 1 1 0; min-width: 1px; border-radius: 3px 3px 0 0;
              background: linear-gradient(180deg, #818cf8, #4f46e5); }
            .bars.labelled { justify-content: center; gap: 10px; border-bottom: 0; }
            .bars .col { flex: 1 1 0; max-width: 72px; min-width: 0; display: flex; flex-direction: column;
              align-items: stretch; justify-content: flex-end; }
            .bars .col i { flex: none; border-radius: 5px 5px 0 0; }
            .bars .col .v { font-size: 11.5px; color: var(--text); text-align: center; margin-bottom: 4px;
              font-variant-numeric: tabular-nums; white-space: nowrap; }
            .bars .col .e { font-size: 11.5px; color: var(--muted); text-align: center; padding-top: 5px;
              border-top: 1px solid var(--line); }
            .bars-axis { display: flex; justify-content: space-between; font-size: 11.5px; color: var(--muted);
              margin-top: 6px; }
            .bars-caption { text-align: center; font-size: 11.5px; color: var(--muted); margin-top: 6px;
              text-transform: uppercase; letter-spacing: .06em; }

            footer { margin-top: 22px; text-align: center; font-size: 12.5px; color: var(--muted); }
            footer a { color: var(--accent); text-decoration: none; }
            footer a:hover { text-decoration: underline; }

            @media (max-width: 900px) {
              .grid.roc-row, .grid.config, .timings { grid-template-columns: minmax(0, 1fr); }
              .grid.two { grid-template-columns: minmax(0, 1fr); }
            }
            @media print {
              body { background: #fff; }
              .card { box-shadow: none; break-inside: avoid; }
            }
            """;
}
