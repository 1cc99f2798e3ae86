package dev.lamina.processor.generate;

import dev.lamina.processor.shapes.InferredLayer;
import dev.lamina.processor.shapes.InferredNetwork;
import dev.lamina.processor.shapes.InferredStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the compile-time summary in the style of Keras' {@code model.summary()}: a row per stage with
 * its layers, output shape and parameter count (running statistics included, as Keras counts them),
 * then the totals, FLOPs and parameter bytes. Plain ASCII, so it reads the same in a terminal, a log
 * and Javadoc.
 */
public final class SummaryTable {

    private static final String[] HEADERS = {"Stage", "Layers", "Output shape", "Param #"};

    private SummaryTable() {}

    public static String render(InferredNetwork network) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", "", network.model().input().withBatch(), "0"});
        for (InferredStage stage : network.stages()) {
            rows.add(new String[] {
                stage.stage().name(),
                stage.layers().stream().map(InferredLayer::describe).collect(Collectors.joining(", ")),
                stage.output().withBatch(),
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
        StringBuilder text = new StringBuilder();
        text.append("Network: \"").append(network.model().name()).append("\"\n");
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
                .append(" (").append(bytes(network.parameterBytes())).append(")\n");
        text.append(" Trainable params: ").append(count(trainable))
                .append(" (").append(bytes(trainable * Float.BYTES)).append(")\n");
        text.append(" Non-trainable params: ").append(count(nonTrainable))
                .append(" (").append(bytes(nonTrainable * Float.BYTES)).append(")\n");
        text.append(" FLOPs per sample (eval forward): ").append(count(network.flopsPerSample())).append('\n');
        text.append(" Activations per sample (forward): ").append(bytes(network.activationBytes())).append('\n');
        text.append("_".repeat(total)).append('\n');
        return text.toString();
    }

    private static String row(String[] cells, int[] widths) {
        String line = String.format(Locale.ROOT, " %-" + widths[0] + "s   %-" + widths[1] + "s   %-" + widths[2]
                + "s   %" + widths[3] + "s", (Object[]) cells);
        return line.stripTrailing();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String bytes(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
