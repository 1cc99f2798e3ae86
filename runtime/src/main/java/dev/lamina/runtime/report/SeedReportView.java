package dev.lamina.runtime.report;

import static dev.lamina.runtime.report.ReportFormat.duration;
import static dev.lamina.runtime.report.ReportFormat.integer;

import dev.lamina.runtime.train.RunMetrics;
import dev.lamina.runtime.train.SeedSummary;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TaskKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the page of a run repeated over seeds shows, formatted from a {@link SeedSummary}; {@code seeds.jte} lays
 * it out and escapes every string.
 */
final class SeedReportView {

    /** A seed's column: its name and the link to its own report. */
    record SeedLink(String label, String href) {}

    /** One measure: its mean ± std over the seeds and each seed's value. */
    record SpreadRow(String label, String spread, List<String> values) {}

    /** One task: the mean ± std of each per-task measure. */
    record TaskRow(String task, List<String> spreads) {}

    /** One set over the seeds: a row per measure, and a per-task table for several tasks. */
    record SetSummary(String cssClass, String title, String note, List<SpreadRow> rows, List<String> taskHeaders,
            List<TaskRow> tasks) {}

    /** One seed's run: its link, the chosen epoch and what chose it. */
    record Run(SeedLink link, String chosen, String epochs, String time) {}

    private final SeedSummary summary;
    private final RunMetrics first;

    SeedReportView(SeedSummary summary) {
        this.summary = summary;
        this.first = summary.runs().get(0);
    }

    String name() {
        return summary.network();
    }

    String css() {
        return ReportStyle.css();
    }

    List<String> chips() {
        List<String> chips = new ArrayList<>();
        chips.add(summary.seeds().size() + (summary.seeds().size() == 1 ? " seed" : " seeds"));
        chips.add(ReportFormat.lossName(first.loss().name()));
        if (first.tasks().size() > 1) {
            chips.add(first.tasks().size() + (first.kind() == TaskKind.REGRESSION ? " targets" : " tasks"));
        }
        chips.add("chosen by " + first.monitor());
        return chips;
    }

    List<SeedLink> seeds() {
        List<SeedLink> links = new ArrayList<>();
        for (int seed : summary.seeds()) {
            links.add(new SeedLink("seed " + seed, "seed_" + seed + "/" + RunReport.HTML));
        }
        return links;
    }

    /** The validation set's numbers ("chosen on"), then the test set's, those the runs had. */
    List<SetSummary> sets() {
        List<SetSummary> sets = new ArrayList<>();
        for (boolean test : new boolean[] {false, true}) {
            Optional<RunMetrics.SetMetrics> sample = test ? first.test() : first.validation();
            if (sample.isEmpty()) {
                continue;
            }
            List<SpreadRow> rows = new ArrayList<>();
            for (Measure measure : sample.get().means().keySet()) {
                List<String> values = new ArrayList<>();
                for (RunMetrics run : summary.runs()) {
                    Optional<RunMetrics.SetMetrics> set = test ? run.test() : run.validation();
                    values.add(ReportFormat.measure(measure, set.map(s -> s.value(measure)).orElse(Double.NaN)));
                }
                rows.add(new SpreadRow(sample.get().split().prefix() + "_" + measure.key(),
                        spread(measure, summary.spread(test, measure)), values));
            }
            List<String> headers = new ArrayList<>();
            List<TaskRow> tasks = new ArrayList<>();
            if (first.tasks().size() > 1 && !sample.get().perTask().isEmpty()) {
                List<Measure> measures = taskMeasures(sample.get());
                headers.add(first.kind() == TaskKind.REGRESSION ? "Target" : "Task");
                measures.forEach(m -> headers.add(ReportFormat.measureName(m)));
                for (int t = 0; t < first.tasks().size(); t++) {
                    List<String> spreads = new ArrayList<>();
                    for (Measure measure : measures) {
                        spreads.add(spread(measure, summary.spread(test, measure, t)));
                    }
                    tasks.add(new TaskRow(first.tasks().get(t), spreads));
                }
            }
            sets.add(test
                    ? new SetSummary("card set test", "Test (scored once per seed)", "each seed's chosen parameters"
                            + " on its test set; mean \u00b1 sample standard deviation over the seeds", rows, headers,
                            tasks)
                    : new SetSummary("card set val", "Validation (chosen on)", "each seed's chosen epoch on its"
                            + " validation set; mean \u00b1 sample standard deviation over the seeds", rows, headers,
                            tasks));
        }
        return sets;
    }

    /** Each seed's run, with its chosen epoch. */
    List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        List<SeedLink> links = seeds();
        for (int i = 0; i < summary.runs().size(); i++) {
            RunMetrics run = summary.runs().get(i);
            runs.add(new Run(links.get(i), "epoch " + run.bestEpoch() + " by " + run.monitor(),
                    integer(run.epochs()) + (run.stoppedEarly() ? " (stopped early)" : ""),
                    duration(run.trainSeconds())));
        }
        return runs;
    }

    private static List<Measure> taskMeasures(RunMetrics.SetMetrics set) {
        List<Measure> order = List.of(Measure.ROC_AUC, Measure.PR_AUC, Measure.ACCURACY, Measure.RMSE, Measure.MAE,
                Measure.R2);
        return order.stream().filter(set.perTask()::containsKey).toList();
    }

    /** {@code 0.8123 ± 0.0100}, with the number of runs when some run had no value. */
    private String spread(Measure measure, SeedSummary.Spread spread) {
        if (spread.runs() == 0) {
            return "\u2014";
        }
        String text = ReportFormat.measure(measure, spread.mean()) + " \u00b1 " + ReportFormat.measure(measure, spread.std());
        return spread.runs() < summary.runs().size()
                ? text + " (" + spread.runs() + " of " + summary.runs().size() + " runs)" : text;
    }
}
