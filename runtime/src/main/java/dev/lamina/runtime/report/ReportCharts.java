package dev.lamina.runtime.report;

import dev.lamina.runtime.train.EpochResult;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TrainingMetric;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The report's charts, drawn with JFreeChart in one clean style: white background, light grid, no plot
 * outline, a left-aligned title, the legend top right. Charts are laid out at their logical size and
 * rendered at {@link #SCALE} times that many pixels, so they stay sharp on high-density screens.
 */
final class ReportCharts {

    /** Logical size of the per-epoch charts; the HTML shows them at this size. */
    static final int CURVE_WIDTH = 800;
    static final int CURVE_HEIGHT = 450;
    /** Logical size of the ROC chart: a square plot area plus title and legend. */
    static final int ROC_WIDTH = 720;
    static final int ROC_HEIGHT = 690;
    /** Pixels per logical unit in the PNG files. */
    static final int SCALE = 2;

    /** Logical size of the per-task ROC chart: the ROC chart plus a legend of up to a dozen tasks below. */
    static final int TASK_ROC_WIDTH = 720;
    static final int TASK_ROC_HEIGHT = 800;
    /** Logical size of the regression scatter plots. */
    static final int SCATTER_WIDTH = 640;
    static final int SCATTER_HEIGHT = 600;
    /** At most this many points in a scatter plot. */
    static final int SCATTER_POINTS = 20_000;

    static final Color TRAIN = new Color(0x2563EB);
    static final Color VALIDATION = new Color(0x059669);
    static final Color TEST = new Color(0xF97316);
    /** One colour per task, distinct for a dozen (Tableau 10 and two more). */
    private static final Color[] TASK_COLORS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
        new Color(0x17BECF), new Color(0x1F2F6B),
    };
    static final Color ROC = new Color(0x4F46E5);

    private static final Color INK = new Color(0x0F172A);
    private static final Color AXIS_LABEL = new Color(0x475569);
    private static final Color TICK_LABEL = new Color(0x64748B);
    private static final Color AXIS_LINE = new Color(0xCBD5E1);
    private static final Color GRID = new Color(0xE8ECF2);
    private static final String FONT = Font.SANS_SERIF;

    /** Above this many epochs the lines carry no point markers. */
    private static final int MARKER_LIMIT = 40;

    private ReportCharts() {}

    /**
     * One measure per epoch on every set the history has it for: training, validation, and the test set when it
     * was evaluated every epoch (dashed, as it chose nothing). The chosen epoch is marked with the metric that
     * chose it.
     */
    static JFreeChart curves(Measure measure, List<EpochResult> history, int chosenEpoch, String monitor) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Color> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        for (DataSplit split : DataSplit.values()) {
            TrainingMetric metric = new TrainingMetric(split, measure);
            if (history.stream().noneMatch(e -> e.metrics().containsKey(metric))) {
                continue;
            }
            XYSeries series = series(seriesName(split), history, e -> e.value(metric));
            if (!series.isEmpty()) {
                data.addSeries(series);
                colors.add(color(split));
                dashed.add(split == DataSplit.TEST);
            }
        }
        boolean fraction = measure == Measure.ACCURACY;

        NumberAxis x = axis("Epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double first = history.stream().mapToInt(EpochResult::epoch).min().orElse(1);
        double last = history.stream().mapToInt(EpochResult::epoch).max().orElse(1);
        // Half an epoch of air, so that no epoch 0 or epoch n + 1 tick appears.
        x.setRange(first - 0.5, last + 0.5);

        String label = ReportFormat.measureName(measure);
        NumberAxis y = axis(label);
        double[] range = valueRange(data, fraction);
        y.setRange(range[0], range[1]);
        double step = niceStep((range[1] - range[0]) / 6);
        y.setTickUnit(new NumberTickUnit(step, fraction ? percent(step) : decimal(step)));

        boolean markers = history.size() <= MARKER_LIMIT;
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        for (int s = 0; s < colors.size(); s++) {
            style(renderer, s, colors.get(s), markers);
            if (dashed.get(s)) {
                renderer.setSeriesStroke(s, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                        10f, new float[] {8f, 6f}, 0f));
            }
        }

        XYPlot plot = new XYPlot(data, x, y, renderer);
        stylePlot(plot);
        if (chosenEpoch > 0) {
            ValueMarker chosen = new ValueMarker(chosenEpoch, new Color(0x64748B), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f));
            chosen.setLabel("chosen by " + monitor);
            chosen.setLabelFont(new Font(FONT, Font.PLAIN, 13));
            chosen.setLabelPaint(AXIS_LABEL);
            chosen.setLabelAnchor(chosenEpoch > (first + last) / 2 ? RectangleAnchor.TOP_LEFT
                    : RectangleAnchor.TOP_RIGHT);
            chosen.setLabelTextAnchor(chosenEpoch > (first + last) / 2 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            chosen.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
            chosen.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addDomainMarker(chosen);
        }
        return chart(label, plot);
    }

    /** The legend's name of a set's curve. */
    static String seriesName(DataSplit split) {
        return switch (split) {
            case TRAIN -> "Train";
            case VALIDATION -> "Validation";
            case TEST -> "Test (every epoch, not used for choices)";
        };
    }

    private static Color color(DataSplit split) {
        return switch (split) {
            case TRAIN -> TRAIN;
            case VALIDATION -> VALIDATION;
            case TEST -> TEST;
        };
    }

    /**
     * The ROC curve of every task in one chart, each in its own colour with its AUC in the legend; tasks
     * without a curve (no positive or no negative labelled) are left out of the plot and named in the legend.
     */
    static JFreeChart rocPerTask(List<RocCurve> curves, List<String> tasks) {
        XYSeriesCollection lines = new XYSeriesCollection();
        List<Color> colors = new ArrayList<>();
        for (int t = 0; t < curves.size(); t++) {
            RocCurve curve = curves.get(t);
            String name = t < tasks.size() ? tasks.get(t) : "task " + (t + 1);
            XYSeries line = new XYSeries(Double.isFinite(curve.area())
                    ? String.format(Locale.ROOT, "%s (%.3f)", name, curve.area()) : name + " (no curve)", false, true);
            double[] fpr = curve.falsePositiveRates();
            double[] tpr = curve.truePositiveRates();
            for (int i = 0; i < Math.min(fpr.length, tpr.length); i++) {
                if (Double.isFinite(fpr[i]) && Double.isFinite(tpr[i])) {
                    line.add(fpr[i], tpr[i]);
                }
            }
            lines.addSeries(line);
            colors.add(TASK_COLORS[t % TASK_COLORS.length]);
        }
        XYSeries chance = new XYSeries("Chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        lines.addSeries(chance);

        NumberAxis x = axis("False positive rate");
        NumberAxis y = axis("True positive rate");
        for (NumberAxis axis : List.of(x, y)) {
            axis.setRange(-0.01, 1.01);
            axis.setTickUnit(new NumberTickUnit(0.2, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < colors.size(); s++) {
            renderer.setSeriesPaint(s, colors.get(s));
            renderer.setSeriesStroke(s, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        renderer.setSeriesPaint(colors.size(), new Color(0x94A3B8));
        renderer.setSeriesStroke(colors.size(), new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, new float[] {6f, 6f}, 0f));
        renderer.setLegendLine(new Line2D.Double(-10, 0, 10, 0));
        XYPlot plot = new XYPlot(lines, x, y, renderer);
        stylePlot(plot);
        JFreeChart chart = chart("ROC curve per task (test set, AUC in brackets)", plot);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setHorizontalAlignment(HorizontalAlignment.CENTER);
        chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 13));
        return chart;
    }

    /** Predicted against true values on the test set, each target in its colour, with the line y = x. */
    static JFreeChart predictedVsTrue(RegressionPoints points, List<String> targets) {
        XYSeriesCollection dots = scatterSeries(points, targets, false);
        double[] range = span(dots);
        XYSeries identity = new XYSeries("y = x", false, true);
        identity.add(range[0], range[0]);
        identity.add(range[1], range[1]);
        NumberAxis x = axis("True value");
        NumberAxis y = axis("Predicted value");
        range(x, range[0], range[1]);
        range(y, range[0], range[1]);
        return scatter("Predicted vs true (test set)", dots, identity, x, y);
    }

    /** Residuals (true minus predicted) against predicted values on the test set, with the line y = 0. */
    static JFreeChart residuals(RegressionPoints points, List<String> targets) {
        XYSeriesCollection dots = scatterSeries(points, targets, true);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = 0;
        for (int s = 0; s < dots.getSeriesCount(); s++) {
            for (int i = 0; i < dots.getItemCount(s); i++) {
                minX = Math.min(minX, dots.getXValue(s, i));
                maxX = Math.max(maxX, dots.getXValue(s, i));
                maxY = Math.max(maxY, Math.abs(dots.getYValue(s, i)));
            }
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 1;
        }
        double padX = Math.max((maxX - minX) * 0.05, 1e-3);
        double padY = Math.max(maxY * 1.1, 1e-3);
        XYSeries zero = new XYSeries("residual 0", false, true);
        zero.add(minX - padX, 0);
        zero.add(maxX + padX, 0);
        NumberAxis x = axis("Predicted value");
        NumberAxis y = axis("Residual (true − predicted)");
        range(x, minX - padX, maxX + padX);
        range(y, -padY, padY);
        return scatter("Residuals (test set)", dots, zero, x, y);
    }

    /** An axis from {@code lower} to {@code upper} with about six round ticks. */
    private static void range(NumberAxis axis, double lower, double upper) {
        axis.setRange(lower, upper);
        double step = niceStep((upper - lower) / 6);
        axis.setTickUnit(new NumberTickUnit(step, decimal(step)));
    }

    private static JFreeChart scatter(String title, XYSeriesCollection dots, XYSeries line, NumberAxis x,
            NumberAxis y) {
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        int count = 0;
        for (int s = 0; s < dots.getSeriesCount(); s++) {
            count += dots.getItemCount(s);
        }
        // Few points are drawn large and solid; many small and translucent, so that dense regions show.
        boolean few = count <= 500;
        double size = few ? 10 : 5;
        Shape dot = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        for (int s = 0; s < dots.getSeriesCount(); s++) {
            Color color = dots.getSeriesCount() == 1 ? TRAIN : TASK_COLORS[s % TASK_COLORS.length];
            points.setSeriesPaint(s, new Color(color.getRed(), color.getGreen(), color.getBlue(), few ? 210 : 140));
            points.setSeriesShape(s, dot);
        }
        XYLineAndShapeRenderer guide = new XYLineAndShapeRenderer(true, false);
        guide.setSeriesPaint(0, new Color(0x64748B));
        guide.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 6f}, 0f));
        guide.setLegendLine(new Line2D.Double(-10, 0, 10, 0));
        XYPlot plot = new XYPlot(dots, x, y, points);
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, guide);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        stylePlot(plot);
        JFreeChart chart = chart(title, plot);
        if (dots.getSeriesCount() == 1) {
            chart.getLegend().setVisible(false);
        }
        return chart;
    }

    /**
     * The labelled points of every target, at most {@link #SCATTER_POINTS} in all (every k-th sample beyond
     * that, so the picture stays the same shape): (true, predicted), or (predicted, true minus predicted).
     */
    private static XYSeriesCollection scatterSeries(RegressionPoints points, List<String> targets,
            boolean residual) {
        XYSeriesCollection collection = new XYSeriesCollection();
        int n = points.samples();
        int k = points.targets();
        int stride = Math.max(1, (int) Math.ceil((double) n * k / SCATTER_POINTS));
        for (int t = 0; t < k; t++) {
            XYSeries series = new XYSeries(t < targets.size() ? targets.get(t) : "target " + (t + 1), false, true);
            for (int i = 0; i < n; i += stride) {
                float actual = points.actual()[i * k + t];
                float predicted = points.predicted()[i * k + t];
                if (Float.isFinite(actual) && Float.isFinite(predicted)) {
                    if (residual) {
                        series.add(predicted, actual - (double) predicted);
                    } else {
                        series.add(actual, predicted);
                    }
                }
            }
            collection.addSeries(series);
        }
        return collection;
    }

    /** The smallest and largest value of either coordinate, with some air, for a square plot with y = x. */
    private static double[] span(XYSeriesCollection data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                min = Math.min(min, Math.min(data.getXValue(s, i), data.getYValue(s, i)));
                max = Math.max(max, Math.max(data.getXValue(s, i), data.getYValue(s, i)));
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        double pad = Math.max((max - min) * 0.05, 1e-3);
        return new double[] {min - pad, max + pad};
    }

    static JFreeChart roc(RocCurve curve) {
        double[] fpr = curve.falsePositiveRates();
        double[] tpr = curve.truePositiveRates();
        XYSeries line = new XYSeries(String.format(Locale.ROOT, "ROC curve (AUC = %.4f)", curve.area()), false, true);
        XYSeries area = new XYSeries("area", false, true);
        for (int i = 0; i < Math.min(fpr.length, tpr.length); i++) {
            if (Double.isFinite(fpr[i]) && Double.isFinite(tpr[i])) {
                line.add(fpr[i], tpr[i]);
                area.add(fpr[i], tpr[i]);
            }
        }
        XYSeries chance = new XYSeries("Chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);

        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(line);
        lines.addSeries(chance);
        XYSeriesCollection fill = new XYSeriesCollection(area);

        NumberAxis x = axis("False positive rate");
        NumberAxis y = axis("True positive rate");
        for (NumberAxis axis : List.of(x, y)) {
            axis.setRange(-0.01, 1.01);
            axis.setTickUnit(new NumberTickUnit(0.2, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        }

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        style(renderer, 0, ROC, false);
        renderer.setSeriesPaint(1, new Color(0x94A3B8));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 6f}, 0f));
        XYAreaRenderer under = new XYAreaRenderer(XYAreaRenderer.AREA);
        under.setSeriesPaint(0, new Color(ROC.getRed(), ROC.getGreen(), ROC.getBlue(), 28));
        under.setDefaultSeriesVisibleInLegend(false);
        under.setOutline(false);

        XYPlot plot = new XYPlot(lines, x, y, renderer);
        plot.setDataset(1, fill);
        plot.setRenderer(1, under);
        stylePlot(plot);
        return chart("ROC curve (test set)", plot);
    }

    /** Renders a chart at its logical size, {@link #SCALE} times as many pixels, and writes it as PNG. */
    static void writePng(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHints(hints());
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer in this JVM");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }

    private static XYSeries series(String name, List<EpochResult> history, ToDoubleFunction<EpochResult> value) {
        XYSeries series = new XYSeries(name, false, true);
        for (EpochResult epoch : history) {
            double v = value.applyAsDouble(epoch);
            if (Double.isFinite(v)) {
                series.add(epoch.epoch(), v);
            }
        }
        return series;
    }

    /**
     * The value axis range: the data plus some air, never below zero for non-negative data and never far
     * above 100% for fractions, and a sensible window around a single value.
     */
    private static double[] valueRange(XYSeriesCollection data, boolean fraction) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = data.getYValue(s, i);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        double span = max - min;
        double minimumSpan = fraction ? 0.02 : Math.max(Math.abs(max) * 0.1, 1e-3);
        if (span < minimumSpan) {
            double middle = (min + max) / 2;
            min = middle - minimumSpan / 2;
            max = middle + minimumSpan / 2;
            span = minimumSpan;
        }
        double pad = span * 0.08;
        double lower = min - pad;
        double upper = max + pad;
        if (min >= 0 && lower < 0) {
            lower = 0;
        }
        if (fraction && upper > 1) {
            // Room for a marker at exactly 100%, too little for a tick above it.
            upper = Math.max(1, max) + Math.min(pad, span * 0.012 + 0.001);
        }
        return new double[] {lower, upper};
    }

    /** A round tick spacing near {@code rough}: 1, 2, 2.5 or 5 times a power of ten. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Tick labels with as many decimals as the spacing needs, the same for every tick. */
    private static NumberFormat decimal(double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static NumberFormat percent(double step) {
        NumberFormat format = decimal(step * 100);
        return new DecimalFormat(((DecimalFormat) format).toPattern() + "%",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 15));
        axis.setLabelPaint(AXIS_LABEL);
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 14));
        axis.setTickLabelPaint(TICK_LABEL);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setAxisLineStroke(new BasicStroke(1f));
        axis.setTickMarkPaint(AXIS_LINE);
        axis.setTickMarkOutsideLength(4f);
        axis.setTickMarkInsideLength(0f);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelInsets(new RectangleInsets(6, 6, 6, 6));
        return axis;
    }

    private static void style(XYLineAndShapeRenderer renderer, int series, Color color, boolean markers) {
        renderer.setSeriesPaint(series, color);
        renderer.setSeriesStroke(series, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (markers) {
            Shape dot = new Ellipse2D.Double(-5, -5, 10, 10);
            renderer.setSeriesShape(series, dot);
            renderer.setSeriesShapesFilled(series, true);
            renderer.setSeriesOutlinePaint(series, Color.WHITE);
            renderer.setSeriesOutlineStroke(series, new BasicStroke(1.5f));
        }
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        renderer.setLegendLine(new Line2D.Double(-10, 0, 10, 0));
    }

    private static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        plot.setInsets(new RectangleInsets(6, 4, 4, 14));
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 19), plot, true);
        TextTitle text = new TextTitle(title, new Font(FONT, Font.BOLD, 19));
        text.setPaint(INK);
        text.setHorizontalAlignment(HorizontalAlignment.LEFT);
        text.setPadding(new RectangleInsets(2, 6, 0, 6));
        chart.setTitle(text);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(new Font(FONT, Font.PLAIN, 15));
        legend.setItemPaint(AXIS_LABEL);
        legend.setPadding(new RectangleInsets(0, 0, 4, 8));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(14, 12, 10, 10));
        chart.setRenderingHints(hints());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    private static RenderingHints hints() {
        return new RenderingHints(Map.of(
                RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON,
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON,
                RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY,
                RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE,
                RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON));
    }
}
