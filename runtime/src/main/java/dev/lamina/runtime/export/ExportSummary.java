package dev.lamina.runtime.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The summary table for a network exported without its compile-time summary: the same rows as the
 * generated {@code SUMMARY} (stage, layers, output shape, parameter count with running statistics) and
 * the totals, without the FLOPs line.
 */
final class ExportSummary {

    private static final String[] HEADERS = {"Stage", "Layers", "Output shape", "Param #"};

    private ExportSummary() {}

    static String render(ExportedNetwork network) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", "", withBatch(network.inputShape()), "0"});
        for (ExportedNetwork.Stage stage : network.stages()) {
            rows.add(new String[] {
                stage.name(),
                stage.layers().stream().map(ExportedLayer::describe).collect(Collectors.joining(", ")),
                withBatch(stage.outputShape()),
                count(stage.parameters())
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
        long trainable = network.trainableParameters();
        long nonTrainable = network.nonTrainableParameters();
        StringBuilder text = new StringBuilder();
        text.append("Network: \"").append(network.name()).append("\"\n");
        text.append("_".repeat(total)).append('\n');
        text.append(row(HEADERS, widths)).append('\n');
        text.append("=".repeat(total)).append('\n');
        for (String[] row : rows) {
            text.append(row(row, widths)).append('\n');
        }
        text.append("=".repeat(total)).append('\n');
        text.append(" Total params: ").append(count(trainable + nonTrainable))
                .append(" (").append(bytes((trainable + nonTrainable) * Float.BYTES)).append(")\n");
        text.append(" Trainable params: ").append(count(trainable))
                .append(" (").append(bytes(trainable * Float.BYTES)).append(")\n");
        text.append(" Non-trainable params: ").append(count(nonTrainable))
                .append(" (").append(bytes(nonTrainable * Float.BYTES)).append(")\n");
        text.append("_".repeat(total)).append('\n');
        return text.toString();
    }

    static String withBatch(long[] sample) {
        return Arrays.stream(sample)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "(N, ", ")"));
    }

    private static String row(String[] cells, int[] widths) {
        String line = String.format(Locale.ROOT, " %-" + widths[0] + "s   %-" + widths[1] + "s   %-" + widths[2]
                + "s   %" + widths[3] + "s", (Object[]) cells);
        return line.stripTrailing();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String bytes(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
