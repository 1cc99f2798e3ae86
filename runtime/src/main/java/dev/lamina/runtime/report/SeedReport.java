package dev.lamina.runtime.report;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.train.SeedSummary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The report of a run repeated over seeds: {@code run_<N>/report.html}, each validation and test metric's mean
 * ± standard deviation over the seeds, overall and per task, each seed's value, and links to each seed's own
 * report ({@code seed_<S>/report.html}). Self-contained as the run report is, with no charts.
 */
public final class SeedReport {

    private SeedReport() {}

    /** Writes {@code report.html} into {@code group}, the folder that holds the seeds' folders. */
    public static void write(Path group, SeedSummary summary) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(summary, "summary");
        Files.createDirectories(group);
        byte[] page = render(summary).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(group.resolve(RunReport.HTML), out -> out.write(page));
    }

    static String render(SeedSummary summary) {
        return ReportHtml.renderSeeds(new SeedReportView(summary));
    }
}
