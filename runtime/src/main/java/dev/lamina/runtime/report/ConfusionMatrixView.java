package dev.lamina.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The confusion matrix as the report draws it: a heat map of counts with recall per row, precision per
 * column and overall accuracy, every number formatted.
 */
final class ConfusionMatrixView {

    /** One heat map cell; {@code style} is empty for a zero count. */
    record Cell(String cssClass, String style, String title, String count) {}

    /** One row: the actual class, its cells and its recall. */
    record Row(int actual, List<Cell> cells, String recall) {}

    private final int classes;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> precisions = new ArrayList<>();
    private final String total;
    private final String accuracy;
    private final String overall;

    ConfusionMatrixView(int[][] matrix) {
        int n = matrix.length;
        classes = n;
        long[] rowTotals = new long[n];
        long[] columnTotals = new long[n];
        long correct = 0;
        long count = 0;
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                int value = count(matrix, actual, predicted);
                rowTotals[actual] += value;
                columnTotals[predicted] += value;
                count += value;
                if (actual == predicted) {
                    correct += value;
                }
            }
        }
        double worstConfusion = 0;
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                if (actual != predicted && rowTotals[actual] > 0) {
                    worstConfusion = Math.max(worstConfusion,
                            (double) count(matrix, actual, predicted) / rowTotals[actual]);
                }
            }
        }
        for (int actual = 0; actual < n; actual++) {
            List<Cell> cells = new ArrayList<>(n);
            for (int predicted = 0; predicted < n; predicted++) {
                int value = count(matrix, actual, predicted);
                double share = rowTotals[actual] == 0 ? 0 : (double) value / rowTotals[actual];
                cells.add(cell(actual == predicted, value, share, worstConfusion, actual, predicted));
            }
            double recall = rowTotals[actual] == 0 ? Double.NaN
                    : (double) count(matrix, actual, actual) / rowTotals[actual];
            rows.add(new Row(actual, List.copyOf(cells), ReportFormat.percent(recall, 1)));
        }
        for (int predicted = 0; predicted < n; predicted++) {
            precisions.add(ReportFormat.percent(columnTotals[predicted] == 0 ? Double.NaN
                    : (double) count(matrix, predicted, predicted) / columnTotals[predicted], 1));
        }
        double fraction = count == 0 ? Double.NaN : (double) correct / count;
        total = ReportFormat.integer(count);
        accuracy = ReportFormat.percent(fraction, 2);
        overall = ReportFormat.percent(fraction, 1);
    }

    public int classes() {
        return classes;
    }

    /** Smaller cells for many classes. */
    public String density() {
        return classes > 24 ? "cm tiny" : classes > 12 ? "cm dense" : "cm";
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> precisions() {
        return precisions;
    }

    /** Test samples counted. */
    public String total() {
        return total;
    }

    /** Share predicted correctly, two decimals for the caption. */
    public String accuracy() {
        return accuracy;
    }

    /** Share predicted correctly, one decimal for the corner cell. */
    public String overall() {
        return overall;
    }

    private static int count(int[][] matrix, int actual, int predicted) {
        return matrix[actual] != null && predicted < matrix[actual].length ? matrix[actual][predicted] : 0;
    }

    /**
     * A heat map cell: blue by the share of the class predicted correctly on the diagonal; red off it, by
     * the share of the class confused, relative to the worst confusion.
     */
    private static Cell cell(boolean diagonal, int count, double share, double worstConfusion, int actual,
            int predicted) {
        String title = String.format(Locale.ROOT, "actual %d, predicted %d: %,d (%.1f%% of class %d)",
                actual, predicted, count, share * 100, actual);
        if (count == 0) {
            return new Cell("zero", "", title, "0");
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
        return new Cell((diagonal ? "diag" : "off") + (dark ? " dark" : ""),
                String.format(Locale.ROOT, "background:rgba(%s,%.3f)", rgb, alpha), title,
                String.format(Locale.ROOT, "%,d", count));
    }
}
