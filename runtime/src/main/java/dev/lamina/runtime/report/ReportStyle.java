package dev.lamina.runtime.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's stylesheet, {@code report.css} beside this class: kept in a file of its own so it reads
 * and edits as CSS, and inlined into the page so the page needs no second request.
 */
final class ReportStyle {

    private static final String CSS = load();

    private ReportStyle() {}

    static String css() {
        return CSS;
    }

    private static String load() {
        try (InputStream in = ReportStyle.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the Lamina runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css from the Lamina runtime jar", e);
        }
    }
}
