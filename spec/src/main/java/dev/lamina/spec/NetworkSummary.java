package dev.lamina.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a network's summary in the style of Keras' {@code model.summary()}: a row per stage with its
 * layers, output shape and parameter count (running statistics included, as Keras counts them), then the
 * totals, FLOPs and activation memory. Plain ASCII, so it reads the same in a terminal, a log, Javadoc and
 * a Python comment. The compile-time summary, the trainer's and the export's are this one table.
 */
public final class NetworkSummary {

    private static final String[] HEADERS = {"Stage", "Layers", "Output shape", "Param #"};

    private NetworkSummary() {}

    public static String render(NetworkSpec network) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", "", network.input().withBatch(), "0"});
        for (NetworkSpec.ShapedStage stage : network.shapedStages()) {
            rows.add(new String[] {
                stage.name(),
                stage.layers().stream().map(l -> l.layer().describe()).collect(Collectors.joining(", ")),
                stage.output().withBatch(),
                count(stage.stage().parameterCount())
            });
        }
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int total = 1 + widths[0] + 3 + widths[1] + 3 + widths[2] + 3 + widths[3];
        StringBuilder text = new StringBuilder();
        text.append("Network: \"").append(network.name()).append("\"\n");
        text.append("_".repeat(total)).append('\n');
        text.append(row(HEADERS, widths)).append('\n');
        text.append("=".repeat(total)).append('\n');
        for (String[] row : rows) {
            text.append(row(row, widths)).append('\n');
        }
        text.append("=".repeat(total)).append('\n');
        long trainable = network.trainableParameters();
        long nonTrainable = network.nonTrainableParameters();
        text.append(" Total params: ").append(count(trainable + nonTrainable))
                .append(" (").append(bytes(Math.multiplyExact(trainable + nonTrainable, (long) Float.BYTES)))
                .append(")\n");
        text.append(" Trainable params: ").append(count(trainable))
                .append(" (").append(bytes(trainable * Float.BYTES)).append(")\n");
        text.append(" Non-trainable params: ").append(count(nonTrainable))
                .append(" (").append(bytes(nonTrainable * Float.BYTES)).append(")\n");
        text.append(" FLOPs per sample (eval forward): ").append(count(network.flopsPerSample())).append('\n');
        text.append(" Activations per sample (forward): ")
                .append(bytes(Math.multiplyExact(network.activationValuesPerSample(), (long) Float.BYTES)))
                .append('\n');
        text.append("_".repeat(total)).append('\n');
        return text.toString();
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(" ");
        padRight(line, cells[0], widths[0]).append("   ");
        padRight(line, cells[1], widths[1]).append("   ");
        padRight(line, cells[2], widths[2]).append("   ");
        line.append(" ".repeat(widths[3] - cells[3].length())).append(cells[3]);
        return line.toString().stripTrailing();
    }

    private static StringBuilder padRight(StringBuilder line, String cell, int width) {
        return line.append(cell).append(" ".repeat(width - cell.length()));
    }

    // No String.format below: the processor runs in a cold JVM, where the formatter's first uses cost more
    // than the whole table.

    /** {@code 1234567} as {@code 1,234,567}. */
    public static String count(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder grouped = new StringBuilder(value < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    /** Binary kilo- and megabytes with two decimals, rounded half up: {@code 559.02 KB}. */
    public static String bytes(long bytes) {
        if (bytes >= 1024L * 1024) {
            return twoDecimals(bytes, 1024L * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return twoDecimals(bytes, 1024) + " KB";
        }
        return bytes + " B";
    }

    /** {@code value / unit} to two decimals; exact, since the unit is a power of two. */
    private static String twoDecimals(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
