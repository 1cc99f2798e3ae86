package dev.lamina.runtime.train;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.spec.contract.Measure;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of one network repeated over seeds, summarised as practitioners report them: each validation and test
 * metric's mean and sample standard deviation over the seeds, overall and per task.
 *
 * @param seeds the seed of each run, in the order of {@code runs}
 */
public record SeedSummary(String network, List<Integer> seeds, List<RunMetrics> runs) {

    public SeedSummary {
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
        if (seeds.size() != runs.size() || runs.isEmpty()) {
            throw new IllegalArgumentException(seeds.size() + " seeds for " + runs.size() + " runs");
        }
    }

    /** Mean and sample standard deviation (n - 1; 0 for one run) of the defined values. */
    public record Spread(double mean, double std, int runs) {

        static Spread of(List<Double> values) {
            List<Double> defined = values.stream().filter(Double::isFinite).toList();
            int n = defined.size();
            double mean = defined.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = defined.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f ± %.4f", mean, std);
        }
    }

    /** The spread of {@code measure} on the test (or validation) set over the runs. */
    public Spread spread(boolean test, Measure measure) {
        return Spread.of(runs.stream().map(run -> set(run, test).map(s -> s.value(measure)).orElse(Double.NaN))
                .toList());
    }

    /** The spread of one task's {@code measure} on the test (or validation) set. */
    public Spread spread(boolean test, Measure measure, int task) {
        return Spread.of(runs.stream().map(run -> set(run, test).map(s -> s.perTask().get(measure))
                .map(values -> values[task]).orElse(Double.NaN)).toList());
    }

    private static Optional<RunMetrics.SetMetrics> set(RunMetrics run, boolean test) {
        return test ? run.test() : run.validation();
    }

    /** metrics.json of the group: the spreads, then each run's own metrics by seed. */
    public Map<String, Object> toJsonMap() {
        RunMetrics first = runs.get(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", network);
        json.put("seeds", seeds);
        json.put("loss", first.loss().name());
        json.put("tasks", first.tasks());
        for (boolean test : new boolean[] {false, true}) {
            Optional<RunMetrics.SetMetrics> sample = set(first, test);
            if (sample.isEmpty()) {
                continue;
            }
            String prefix = sample.get().split().prefix();
            for (Measure measure : sample.get().means().keySet()) {
                json.put(prefix + "_" + measure.key(), spreadJson(spread(test, measure)));
            }
            if (first.tasks().size() > 1 && !sample.get().perTask().isEmpty()) {
                Map<String, Object> byTask = new LinkedHashMap<>();
                for (int t = 0; t < first.tasks().size(); t++) {
                    Map<String, Object> task = new LinkedHashMap<>();
                    for (Measure measure : sample.get().perTask().keySet()) {
                        task.put(measure.key(), spreadJson(spread(test, measure, t)));
                    }
                    byTask.put(first.tasks().get(t), task);
                }
                json.put(prefix + "_tasks", byTask);
            }
        }
        Map<String, Object> each = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            each.put("seed_" + seeds.get(i), runs.get(i).toJsonMap());
        }
        json.put("runs", each);
        return json;
    }

    private static Map<String, Object> spreadJson(Spread spread) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mean", spread.mean());
        json.put("std", spread.std());
        json.put("runs", spread.runs());
        return json;
    }

    void write(Path file) throws IOException {
        byte[] bytes = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(toJsonMap()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The console table: one row per measure, the test set's mean ± std, then per task for several tasks. */
    void print(PrintStream out) {
        RunMetrics first = runs.get(0);
        out.printf(Locale.ROOT, "%s over %d seeds %s (mean ± std):%n", network, seeds.size(), seeds);
        for (boolean test : new boolean[] {false, true}) {
            set(first, test).ifPresent(sample -> {
                for (Measure measure : sample.means().keySet()) {
                    out.printf(Locale.ROOT, "  %-16s %s%n", sample.split().prefix() + "_" + measure.key(),
                            spread(test, measure));
                }
            });
        }
        Optional<RunMetrics.SetMetrics> test = first.test();
        if (first.tasks().size() > 1 && test.isPresent() && !test.get().perTask().isEmpty()) {
            List<Measure> measures = new ArrayList<>(test.get().perTask().keySet());
            measures.remove(Measure.ACCURACY);
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-16s", "test, per task"));
            measures.forEach(m -> header.append(String.format(Locale.ROOT, " %-17s", m.key())));
            out.println(header);
            for (int t = 0; t < first.tasks().size(); t++) {
                int task = t;
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-16s", first.tasks().get(t)));
                measures.forEach(m -> row.append(String.format(Locale.ROOT, " %-17s", spread(true, m, task))));
                out.println(row);
            }
        }
    }

}
