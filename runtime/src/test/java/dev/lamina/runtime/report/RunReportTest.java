package dev.lamina.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * The run report on realistic runs: a 10-class MNIST MLP, a one-logit Tox21 network with a ROC curve, a
 * run without a test set and a one-epoch run. Set {@code -Dlamina.report.keep=DIR} to keep the sample
 * reports in DIR for a look in a browser.
 */
class RunReportTest {

    private static final String MNIST_SUMMARY = """
            Network: "MnistMlp"
            ________________________________________________________________________________________
             Stage     Layers                                                 Output shape   Param #
            ========================================================================================
             input                                                            (N, 784)             0
             hidden1   Linear(784, 300), BatchNorm(300), ReLU, Dropout(0.2)   (N, 300)       236,700
             hidden2   Linear(300, 300), BatchNorm(300), ReLU, Dropout(0.2)   (N, 300)        91,500
             logits    Linear(300, 10)                                        (N, 10)          3,010
            ========================================================================================
             Total params: 331,210 (1.26 MB)
             Trainable params: 330,010 (1.26 MB)
             Non-trainable params: 1,200 (4.69 KB)
             FLOPs per sample (eval forward): 658,200
            ________________________________________________________________________________________
            """;

    private static final int[][] MNIST_CONFUSION = {
        {971, 0, 1, 1, 0, 2, 2, 1, 2, 0},
        {0, 1124, 2, 1, 0, 1, 2, 1, 4, 0},
        {4, 1, 1011, 3, 2, 0, 1, 6, 4, 0},
        {0, 0, 3, 990, 0, 6, 0, 4, 4, 3},
        {1, 0, 3, 0, 961, 0, 4, 2, 1, 10},
        {2, 0, 0, 8, 1, 871, 4, 1, 3, 2},
        {5, 2, 1, 1, 3, 5, 938, 0, 3, 0},
        {1, 4, 9, 2, 1, 0, 0, 1000, 2, 9},
        {4, 0, 3, 5, 3, 4, 2, 3, 946, 4},
        {2, 2, 0, 4, 8, 3, 1, 5, 2, 982},
    };

    @TempDir Path directory;

    // ------------------------------------------------------------------ sample runs

    static ReportData mnist() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Epochs", "3");
        settings.put("Batch size", "64");
        settings.put("Optimizer", "SGD(lr=0.01, momentum=0.9)");
        settings.put("Loss", "cross-entropy");
        settings.put("Schedule", "constant");
        settings.put("Early stopping", "none");
        settings.put("Device", "cpu");
        settings.put("Threads", "2");
        settings.put("Seed", "42");
        settings.put("Data", "MNIST CSV: 60,000 train / 10,000 test, min-max scaled");
        List<EpochResult> history = List.of(
                new EpochResult(1, 0.2731, 0.9607, 0.1205, 0.9632, Double.NaN, 0.01, 6.21, 842.4),
                new EpochResult(2, 0.1142, 0.9771, 0.0874, 0.9731, Double.NaN, 0.01, 5.87, 861.0),
                new EpochResult(3, 0.0786, 0.9843, 0.0688, 0.9794, Double.NaN, 0.01, 5.93, 864.7));
        RunMetrics metrics = new RunMetrics("MnistMlp", 3, 64, 60000, 18.214, 10142.055, 0.0786, 0.9843,
                Optional.of(new RunMetrics.TestMetrics(10000, 0.0688, 0.9794, OptionalDouble.empty())), 3, false, 871.2,
                "cpu", 2, 42, "SGD(lr=0.01, momentum=0.9)", Loss.CROSS_ENTROPY);
        return new ReportData(MNIST_SUMMARY, settings, metrics, history, Optional.of(MNIST_CONFUSION),
                Optional.empty());
    }

    static ReportData tox21() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Epochs", "4 (of 20)");
        settings.put("Batch size", "32");
        settings.put("Optimizer", "Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)");
        settings.put("Loss", "BCE with logits");
        settings.put("Schedule", "constant");
        settings.put("Early stopping", "test_roc_auc, patience 3, restore best");
        settings.put("Device", "cpu");
        settings.put("Threads", "2");
        settings.put("Seed", "1234");
        settings.put("Data", "Tox21 SR-MMP SMILES -> ECFP4 2048 bits, 80/20 split");
        // Early stopping restored epoch 1: its curve is the one the report shows.
        RocCurve roc = syntheticRoc(1234, 1000, 160, 1.8);
        double auc = Math.round(roc.area() * 10_000) / 10_000.0;
        List<EpochResult> history = List.of(
                new EpochResult(1, 0.4521, 0.8731, 0.3702, 0.8762, auc, 0.001, 2.43, 612.0),
                new EpochResult(2, 0.2984, 0.9152, 0.3811, 0.8711, 0.8931, 0.001, 2.12, 633.5),
                new EpochResult(3, 0.2113, 0.9420, 0.4105, 0.8653, 0.8812, 0.001, 2.09, 634.1),
                new EpochResult(4, 0.1517, 0.9634, 0.4663, 0.8598, 0.8724, 0.001, 2.15, 634.8));
        RunMetrics metrics = new RunMetrics("Tox21SrMmp", 4, 32, 4648, 8.79, 2115.4, 0.1517, 0.9634,
                Optional.of(new RunMetrics.TestMetrics(1162, 0.3702, 0.8762, OptionalDouble.of(roc.area()))), 1, true,
                640.3, "cpu", 2, 1234, "Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)", Loss.BCE_WITH_LOGITS);
        String summary = """
                Network: "Tox21SrMmp"
                ______________________________________________________________________________
                 Stage     Layers                                       Output shape   Param #
                ==============================================================================
                 input                                                  (N, 2048)            0
                 hidden    Linear(2048, 512), ReLU, Dropout(0.5)        (N, 512)     1,049,088
                 logit     Linear(512, 1)                               (N, 1)             513
                ==============================================================================
                 Total params: 1,049,601 (4.00 MB)
                 Trainable params: 1,049,601 (4.00 MB)
                 Non-trainable params: 0 (0 B)
                 FLOPs per sample (eval forward): 2,098,176
                ______________________________________________________________________________
                """;
        return new ReportData(summary, settings, metrics, history, Optional.empty(), Optional.of(roc));
    }

    /** A ROC curve of seeded binormal scores: negatives N(0, 1), positives N(separation, 1). */
    static RocCurve syntheticRoc(long seed, int negatives, int positives, double separation) {
        Random random = new Random(seed);
        double[][] scored = new double[negatives + positives][];
        for (int i = 0; i < scored.length; i++) {
            boolean positive = i >= negatives;
            scored[i] = new double[] {random.nextGaussian() + (positive ? separation : 0), positive ? 1 : 0};
        }
        Arrays.sort(scored, (a, b) -> Double.compare(b[0], a[0]));
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < scored.length; i++) {
            if (scored[i][1] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (i == scored.length - 1 || scored[i + 1][0] != scored[i][0]) {
                points.add(new double[] {(double) fp / negatives, (double) tp / positives});
            }
        }
        double[] fpr = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] tpr = points.stream().mapToDouble(p -> p[1]).toArray();
        double area = 0;
        for (int i = 1; i < fpr.length; i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return new RocCurve(fpr, tpr, area);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void mnistReport() throws IOException {
        ReportData data = mnist();
        RunReport.write(directory, data);
        keep("mnist", data);

        assertImage(directory.resolve("loss.png"), 1600, 900);
        assertImage(directory.resolve("accuracy.png"), 1600, 900);
        assertFalse(Files.exists(directory.resolve("roc.png")), "no ROC chart for a 10-class network");
        String html = read(directory.resolve("report.html"));

        assertTrue(html.contains("<title>MnistMlp"), "title");
        assertTrue(html.contains("<h1>MnistMlp</h1>"), "heading");
        for (Map.Entry<String, String> setting : data.settings().entrySet()) {
            assertTrue(html.contains("<th scope=\"row\">" + setting.getKey() + "</th><td>" + setting.getValue()
                    + "</td>"), setting.getKey());
        }
        assertTrue(html.contains(
                " hidden1   Linear(784, 300), BatchNorm(300), ReLU, Dropout(0.2)   (N, 300)       236,700\n"),
                "summary verbatim");
        assertTrue(html.contains("Total params: 331,210 (1.26 MB)"));
        assertTrue(html.contains("src=\"loss.png\"") && html.contains("src=\"accuracy.png\""), "charts");
        assertFalse(html.contains("roc.png"));

        assertEquals(3, historyRows(html).size(), "one history row per epoch");
        assertTrue(historyRows(html).get(2).contains("0.0688"), "epoch 3 test loss");
        assertTrue(historyRows(html).get(2).contains("97.94%"), "epoch 3 test accuracy");
        assertTrue(html.contains("class=\"best\""), "best epoch highlighted");

        // Confusion matrix: every count, rendered with grouping, and per-class recall.
        for (int[] row : MNIST_CONFUSION) {
            for (int count : row) {
                assertTrue(html.contains(String.format(java.util.Locale.ROOT, ">%,d</td>", count)), "count " + count);
            }
        }
        assertTrue(html.contains(">1,124</td>"));
        assertEquals(100, Pattern.compile("<td class=\"(diag|off|zero)").matcher(html).results().count(),
                "10 x 10 cells");
        assertTrue(html.contains("99.0%"), "recall of class 1: 1124/1135");
        assertTrue(html.contains("Recall") && html.contains("Precision"));

        // Key numbers.
        assertTrue(html.contains(">97.94%<"), "test accuracy card");
        assertTrue(html.contains(">0.0786<"), "final train loss card");
        assertTrue(html.contains(">18.2 s<"), "train time");
        assertTrue(html.contains(">10,142<"), "samples per second");
        assertTrue(html.contains(">871 MB<"), "peak RSS");

        assertSelfContained(html);
    }

    @Test
    void binaryReportHasRocCurve() throws IOException {
        ReportData data = tox21();
        RunReport.write(directory, data);
        keep("binary", data);

        assertImage(directory.resolve("loss.png"), 1600, 900);
        assertImage(directory.resolve("accuracy.png"), 1600, 900);
        assertImage(directory.resolve("roc.png"), 1440, 1380);
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("src=\"roc.png\""), "ROC chart on the page");
        assertTrue(html.contains("Test ROC AUC"), "AUC card and column");
        assertTrue(html.contains(ReportFormat.fixed(data.rocCurve().get().area(), 4)), "AUC value");
        assertEquals(4, historyRows(html).size());
        assertTrue(historyRows(html).get(0).contains(ReportFormat.fixed(auc(data), 4)), "AUC per epoch");
        assertTrue(historyRows(html).get(1).contains("0.8931"), "AUC per epoch");
        assertTrue(historyRows(html).get(0).contains("best"), "early stopping kept epoch 1");
        assertTrue(html.contains("stopped early"));
        assertTrue(html.contains("Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)"));
        assertTrue(html.contains("SMILES -&gt; ECFP4"), "settings escaped");
        assertFalse(html.contains("class=\"cm"), "no confusion matrix without one");
        assertSelfContained(html);
    }

    @Test
    void skippedStepsAreAWarningAtTheTop() throws IOException {
        ReportData clean = mnist();
        RunReport.write(directory, clean);
        assertFalse(read(directory.resolve("report.html")).contains("class=\"card warning\""), "no warning");

        List<EpochResult> history = List.of(
                clean.history().get(0),
                new EpochResult(2, 0.1142, 0.9771, 0.0874, 0.9731, Double.NaN, 0.01, 5.87, 861.0, 5.1, 3),
                clean.history().get(2));
        RunReport.write(directory, new ReportData(clean.summary(), clean.settings(), clean.metrics(), history,
                clean.confusionMatrix(), clean.rocCurve()));
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("class=\"card warning\""), "warning card");
        assertTrue(html.contains("Epoch 2: the optimizer skipped 3 steps whose gradients were NaN or infinite."), html);
        assertTrue(html.indexOf("card warning") < html.indexOf("class=\"cards\""), "above the key numbers");
    }

    @Test
    void withoutTestSetPlotsAndTabulatesTrainingOnly() throws IOException {
        List<EpochResult> history = List.of(
                new EpochResult(1, 0.6, 0.71, Double.NaN, Double.NaN, Double.NaN, 0.1, 1.5, 300),
                new EpochResult(2, 0.4, 0.83, Double.NaN, Double.NaN, Double.NaN, 0.05, 1.4, 310),
                new EpochResult(3, 0.3, 0.88, Double.NaN, Double.NaN, Double.NaN, 0.025, 1.4, 312));
        ReportData data = new ReportData("Network: \"Iris\"\n", Map.of("Epochs", "3"),
                metrics("Iris", history, Optional.empty(), 0), history, Optional.empty(), Optional.empty());
        RunReport.write(directory, data);
        keep("no-test", data);

        assertImage(directory.resolve("loss.png"), 1600, 900);
        assertImage(directory.resolve("accuracy.png"), 1600, 900);
        String html = read(directory.resolve("report.html"));
        assertEquals(3, historyRows(html).size());
        assertFalse(html.contains("Test loss"), "no test columns");
        assertFalse(html.contains("NaN"));
        assertTrue(html.contains("no test set"));
        assertTrue(html.contains("Train accuracy"));
        assertTrue(html.contains(">0.025<"), "decayed learning rate");
        assertSelfContained(html);
    }

    @Test
    void oneEpochHistory() throws IOException {
        List<EpochResult> history = List.of(
                new EpochResult(1, 0.35, 0.9, 0.3, 0.91, Double.NaN, 0.01, 3.2, 500));
        ReportData data = new ReportData("", Map.of(), metrics("One", history, Optional.of(
                new RunMetrics.TestMetrics(10, 0.3, 0.91, OptionalDouble.empty())), 0), history,
                Optional.of(new int[][] {{5, 1}, {0, 4}}), Optional.empty());
        RunReport.write(directory, data);
        keep("one-epoch", data);
        assertImage(directory.resolve("loss.png"), 1600, 900);
        assertImage(directory.resolve("accuracy.png"), 1600, 900);
        String html = read(directory.resolve("report.html"));
        assertEquals(1, historyRows(html).size());
        assertTrue(html.contains("1 epoch<"));
        assertSelfContained(html);
    }

    @Test
    void longRunDrawsLinesWithoutMarkers() throws IOException {
        List<EpochResult> history = new ArrayList<>();
        for (int epoch = 1; epoch <= 60; epoch++) {
            double t = epoch / 60.0;
            double lr = 0.05 * 0.5 * (1 + Math.cos(Math.PI * (epoch - 1) / 60));
            history.add(new EpochResult(epoch, 1.9 * Math.exp(-4 * t) + 0.05, 0.55 + 0.44 * (1 - Math.exp(-5 * t)),
                    1.8 * Math.exp(-3.5 * t) + 0.12 + 0.1 * t * t, 0.53 + 0.38 * (1 - Math.exp(-5 * t)), Double.NaN,
                    lr, 1.1 + 0.05 * Math.sin(epoch), 400 + 3 * Math.sqrt(epoch)));
        }
        EpochResult last = history.get(59);
        RunMetrics metrics = new RunMetrics("Cifar10Mlp", 60, 128, 45000, 67.5, 40000.0, last.trainLoss(),
                last.trainAccuracy(), Optional.of(new RunMetrics.TestMetrics(5000, last.testLoss(), last.testAccuracy(),
                        OptionalDouble.empty())), 41, false, 420, "cpu", 2, 42, "Adam(lr=0.001)", Loss.CROSS_ENTROPY);
        ReportData data = new ReportData("Network: \"Cifar10Mlp\"\n", Map.of("Epochs", "60"), metrics, history,
                Optional.empty(), Optional.empty());
        RunReport.write(directory, data);
        keep("long", data);
        assertImage(directory.resolve("loss.png"), 1600, 900);
        String html = read(directory.resolve("report.html"));
        assertEquals(60, historyRows(html).size());
        assertTrue(html.contains("1 min 08 s"), "train time over a minute");
    }

    @Test
    void escapesHtmlInNamesAndSettings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Data <file>", "a&b \"quoted\" 'single' <script>alert(1)</script>");
        ReportData base = mnist();
        ReportData data = new ReportData("Network: \"<Net>\" & more\n", settings,
                renamed(base.metrics(), "Net<T> & \"Co\"", "<gpu>"), base.history(), base.confusionMatrix(),
                Optional.empty());
        RunReport.write(directory, data);
        String html = read(directory.resolve("report.html"));

        // jte escapes what is special where the text stands: in element text <, > and &; quotes are plain text
        // there, and escaped in attribute values.
        assertTrue(html.contains("<h1>Net&lt;T&gt; &amp; \"Co\"</h1>"));
        assertTrue(html.contains("<title>Net&lt;T&gt; &amp; \"Co\""));
        assertTrue(html.contains("Data &lt;file&gt;"));
        assertTrue(html.contains("a&amp;b \"quoted\" 'single' &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Network: \"&lt;Net&gt;\" &amp; more"));
        assertTrue(html.contains("&lt;gpu&gt;"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<Net>"));
        assertFalse(html.contains("<gpu>"));
    }

    @Test
    void escapesScriptInTheNetworkAndStageNamesByDefault() throws IOException {
        ReportData base = mnist();
        String summary = MNIST_SUMMARY.replace("hidden1 ", "<script>").replace("\"MnistMlp\"", "\"<script>x</script>\"");
        ReportData data = new ReportData(summary, Map.of("Stage", "<script>alert('stage')</script>"),
                renamed(base.metrics(), "<script>alert(1)</script>", "cpu"), base.history(), base.confusionMatrix(),
                Optional.empty());
        RunReport.write(directory, data);
        String html = read(directory.resolve("report.html"));

        assertFalse(html.contains("<script"), "no script element");
        assertTrue(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), "network name as text");
        assertTrue(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; \u00b7 Lamina run report</title>"));
        assertTrue(html.contains(" &lt;script&gt;  Linear(784, 300)"), "stage name in the summary as text");
        assertTrue(html.contains("Network: \"&lt;script&gt;x&lt;/script&gt;\""));
        assertTrue(html.contains("<td>&lt;script&gt;alert('stage')&lt;/script&gt;</td>"), "setting as text");
        assertSelfContained(html);
    }

    @Test
    void rewritesAtomicallyAndLinksExistingRunFiles() throws IOException {
        Files.writeString(directory.resolve("history.csv"), "epoch\n");
        Files.writeString(directory.resolve("metrics.json"), "{}");
        RunReport.write(directory, mnist());
        RunReport.write(directory, mnist());
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("<a href=\"history.csv\">history.csv</a>"));
        assertTrue(html.contains("<a href=\"metrics.json\">metrics.json</a>"));
        assertFalse(html.contains("summary.txt"), "only files that exist");
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("accuracy.png", "history.csv", "loss.png", "metrics.json", "report.html"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void sameDataSamePage() throws IOException {
        Path first = directory.resolve("a");
        Path second = directory.resolve("b");
        RunReport.write(first, tox21());
        RunReport.write(second, tox21());
        assertEquals(read(first.resolve("report.html")), read(second.resolve("report.html")));
        assertTrue(Arrays.equals(Files.readAllBytes(first.resolve("roc.png")), Files.readAllBytes(second.resolve("roc.png"))));
    }

    @Test
    void formats() {
        assertEquals("1 min 05 s", ReportFormat.duration(65.2));
        assertEquals("2 h 03 min", ReportFormat.duration(7390));
        assertEquals("4.20 s", ReportFormat.duration(4.2));
        assertEquals("12.6 GB", ReportFormat.megabytes(12_900));
        assertEquals("1,536 MB", ReportFormat.megabytes(1536));
        assertEquals("0.001", ReportFormat.learningRate(0.001));
        assertEquals("1e-4", ReportFormat.learningRate(1e-4));
        assertEquals("2.5e-5", ReportFormat.learningRate(2.5e-5));
        assertEquals("\u2014", ReportFormat.fixed(Double.NaN, 4));
    }

    // ------------------------------------------------------------------ helpers

    /** Metrics that agree with {@code history}: its last epoch's numbers, plausible settings. */
    private static RunMetrics metrics(String network, List<EpochResult> history,
            Optional<RunMetrics.TestMetrics> test, int bestEpoch) {
        EpochResult last = history.get(history.size() - 1);
        double seconds = history.stream().mapToDouble(EpochResult::seconds).sum();
        return new RunMetrics(network, last.epoch(), 32, 150, seconds, 150 * history.size() / seconds,
                last.trainLoss(), last.trainAccuracy(), test, bestEpoch, false, 320, "cpu", 1, 42, "Adam(lr=0.001)",
                Loss.CROSS_ENTROPY);
    }

    private static RunMetrics renamed(RunMetrics m, String network, String device) {
        return new RunMetrics(network, m.epochs(), m.batchSize(), m.trainSamples(), m.trainSeconds(),
                m.samplesPerSecond(), m.finalTrainLoss(), m.finalTrainAccuracy(), m.test(), m.bestEpoch(),
                m.stoppedEarly(), m.peakRssMegabytes(), device, m.threads(), m.seed(), m.optimizer(), m.loss());
    }

    private static void assertImage(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is an image");
        assertEquals(width, image.getWidth(), file + " width");
        assertEquals(height, image.getHeight(), file + " height");
        // Not blank: a white background with drawing on it.
        assertEquals(0xFFFFFF, image.getRGB(2, 2) & 0xFFFFFF, "white corner");
        long coloured = 0;
        for (int y = 0; y < height; y += 3) {
            for (int x = 0; x < width; x += 3) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 100, file + " has coloured lines");
    }

    private static void assertSelfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"),
                "no network references");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no external stylesheets");
        assertFalse(html.contains("@import") || html.contains("url("), "no external CSS resources");
        assertFalse(html.contains("NaN") || html.contains("Infinity"), "no raw non-numbers");
    }

    private static List<String> historyRows(String html) {
        int start = html.indexOf("<table class=\"history\">");
        int end = html.indexOf("</table>", start);
        String table = html.substring(start, end);
        String body = table.substring(table.indexOf("<tbody>"));
        List<String> rows = new ArrayList<>();
        Matcher matcher = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    private static double auc(ReportData data) {
        return data.rocCurve().orElseThrow().area();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void keep(String name, ReportData data) throws IOException {
        String keep = System.getProperty("lamina.report.keep");
        if (keep != null && !keep.isBlank()) {
            RunReport.write(Path.of(keep, name), data);
        }
    }
}
