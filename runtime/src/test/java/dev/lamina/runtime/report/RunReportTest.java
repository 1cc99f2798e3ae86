package dev.lamina.runtime.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.RunMetrics;
import dev.lamina.runtime.train.SeedSummary;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.Measure;
import dev.lamina.spec.contract.TrainingMetric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * The run report on realistic runs: a 10-class MNIST MLP without {@code @Split} (the test set every epoch), a
 * one-logit Tox21 network chosen on a validation set, three yes/no tasks with missing labels, a regression, runs
 * over seeds, a run without a test set and a one-epoch run. Set {@code -Dlamina.report.keep=DIR} to keep the
 * sample reports in DIR for a look in a browser.
 */
class RunReportTest {

    private static final TrainingMetric TRAIN_LOSS = metric(DataSplit.TRAIN, Measure.LOSS);
    private static final TrainingMetric TRAIN_ACCURACY = metric(DataSplit.TRAIN, Measure.ACCURACY);
    private static final TrainingMetric VAL_LOSS = metric(DataSplit.VALIDATION, Measure.LOSS);
    private static final TrainingMetric VAL_ACCURACY = metric(DataSplit.VALIDATION, Measure.ACCURACY);
    private static final TrainingMetric VAL_ROC_AUC = metric(DataSplit.VALIDATION, Measure.ROC_AUC);
    private static final TrainingMetric VAL_PR_AUC = metric(DataSplit.VALIDATION, Measure.PR_AUC);
    private static final TrainingMetric TEST_LOSS = metric(DataSplit.TEST, Measure.LOSS);
    private static final TrainingMetric TEST_ACCURACY = metric(DataSplit.TEST, Measure.ACCURACY);

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

    /** MNIST without @Split: the test set is evaluated every epoch, the epoch is chosen on the training loss. */
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
                epoch(1, 0.01, 6.21, 842.4, TRAIN_LOSS, 0.2731, TRAIN_ACCURACY, 0.9607, TEST_LOSS, 0.1205,
                        TEST_ACCURACY, 0.9632),
                epoch(2, 0.01, 5.87, 861.0, TRAIN_LOSS, 0.1142, TRAIN_ACCURACY, 0.9771, TEST_LOSS, 0.0874,
                        TEST_ACCURACY, 0.9731),
                epoch(3, 0.01, 5.93, 864.7, TRAIN_LOSS, 0.0786, TRAIN_ACCURACY, 0.9843, TEST_LOSS, 0.0688,
                        TEST_ACCURACY, 0.9794));
        RunMetrics.SetMetrics test = set(DataSplit.TEST, 10000, 3, means(Measure.LOSS, 0.0688, Measure.ACCURACY, 0.9794),
                Map.of(), new int[] {10000});
        RunMetrics metrics = new RunMetrics("MnistMlp", 3, 64, 60000, 18.214, 10142.055, 0.0786, 0.9843,
                Optional.empty(), Optional.of(test), 3, "train_loss", false, 871.2, "cpu", 2, 42,
                "SGD(lr=0.01, momentum=0.9)", Loss.CROSS_ENTROPY, List.of("label"));
        return new ReportData(MNIST_SUMMARY, settings, metrics, history, FinalPredictions.classes(MNIST_CONFUSION));
    }

    /** One yes/no task chosen on a carved validation set by val_roc_auc; early stopping restored epoch 1. */
    static ReportData tox21() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Epochs", "4 (of 20)");
        settings.put("Batch size", "32");
        settings.put("Optimizer", "Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)");
        settings.put("Loss", "BCE with logits");
        settings.put("Schedule", "constant");
        settings.put("Early stopping", "val_roc_auc, patience 3, restore best");
        settings.put("Device", "cpu");
        settings.put("Threads", "2");
        settings.put("Seed", "1234");
        settings.put("Data", "Tox21 SR-MMP SMILES -> ECFP4 2048 bits, scaffold split");
        // Early stopping restored epoch 1: its curve is the one the report shows.
        RocCurve roc = syntheticRoc(1234, 1000, 160, 1.8);
        List<EpochResult> history = List.of(
                epoch(1, 0.001, 2.43, 612.0, TRAIN_LOSS, 0.4521, TRAIN_ACCURACY, 0.8731, VAL_LOSS, 0.3702,
                        VAL_ACCURACY, 0.8762, VAL_ROC_AUC, 0.9017, VAL_PR_AUC, 0.5512),
                epoch(2, 0.001, 2.12, 633.5, TRAIN_LOSS, 0.2984, TRAIN_ACCURACY, 0.9152, VAL_LOSS, 0.3811,
                        VAL_ACCURACY, 0.8711, VAL_ROC_AUC, 0.8931, VAL_PR_AUC, 0.5407),
                epoch(3, 0.001, 2.09, 634.1, TRAIN_LOSS, 0.2113, TRAIN_ACCURACY, 0.9420, VAL_LOSS, 0.4105,
                        VAL_ACCURACY, 0.8653, VAL_ROC_AUC, 0.8812, VAL_PR_AUC, 0.5233),
                epoch(4, 0.001, 2.15, 634.8, TRAIN_LOSS, 0.1517, TRAIN_ACCURACY, 0.9634, VAL_LOSS, 0.4663,
                        VAL_ACCURACY, 0.8598, VAL_ROC_AUC, 0.8724, VAL_PR_AUC, 0.5101));
        RunMetrics.SetMetrics validation = set(DataSplit.VALIDATION, 930, 1, means(Measure.LOSS, 0.3702,
                Measure.ACCURACY, 0.8762, Measure.ROC_AUC, 0.9017, Measure.PR_AUC, 0.5512), Map.of(), new int[] {930});
        RunMetrics.SetMetrics test = set(DataSplit.TEST, 1162, 1, means(Measure.LOSS, 0.3815, Measure.ACCURACY,
                0.8701, Measure.ROC_AUC, roc.area(), Measure.PR_AUC, 0.4873), Map.of(), new int[] {1162});
        RunMetrics metrics = new RunMetrics("Tox21SrMmp", 4, 32, 3718, 8.79, 2115.4, 0.1517, 0.9634,
                Optional.of(validation), Optional.of(test), 1, "val_roc_auc", true, 640.3, "cpu", 2, 1234,
                "Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)", Loss.BCE_WITH_LOGITS, List.of("SR-MMP"));
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
                ______________________________________________________________________________
                """;
        return new ReportData(summary, settings, metrics, history, FinalPredictions.binary(List.of(roc),
                Map.of(DataSplit.TEST, new int[] {160})));
    }

    /*
     * Three yes/no tasks on six test molecules, NaN = not measured. Worked by hand:
     *   NR-AR:  labels 1 0 1 - 0 0, logits 2.0 -1.0 0.5 9.0 1.0 -2.0: 5 labelled, 2 positive; ROC AUC 5/6 (with
     *           the unlabelled 9.0 taken as a negative it would be 5/8); PR AUC (1 + 2/3) / 2; accuracy 4/5
     *   NR-AhR: labels 0 0 1 1 - 0, logits -1.0 2.0 1.5 -0.3 5.0 -2.0: 5 labelled, 2 positive; ROC AUC 4/6; PR AUC
     *           (1/2 + 2/3) / 2; accuracy 3/5
     *   SR-ARE: labels 0 - 0 0 - 0, logits -1.0 3.0 -0.5 0.4 2.0 -3.0: 4 labelled, no positive, so no ROC or PR
     *           AUC; accuracy 3/4
     * Means over the tasks where defined: ROC AUC 0.75, PR AUC 0.708333, accuracy 0.716667; 14 labelled, 4 positive.
     */
    static final List<String> TASKS = List.of("NR-AR", "NR-AhR", "SR-ARE");
    static final float N = Float.NaN;
    static final float[] TASK_LABELS = {
        1, 0, 0,
        0, 0, N,
        1, 1, 0,
        N, 1, 0,
        0, N, N,
        0, 0, 0,
    };
    static final float[] TASK_LOGITS = {
        2.0f, -1.0f, -1.0f,
        -1.0f, 2.0f, 3.0f,
        0.5f, 1.5f, -0.5f,
        9.0f, -0.3f, 0.4f,
        1.0f, 5.0f, 2.0f,
        -2.0f, -2.0f, -3.0f,
    };
    /** The validation set's labels: 3 molecules; positives 2, 0 and 1. */
    static final float[] VALIDATION_TASK_LABELS = {
        1, 0, N,
        1, N, 1,
        0, 0, 0,
    };

    static ReportData multiTask() {
        Map<Measure, double[]> testPerTask = new EnumMap<>(Measure.class);
        testPerTask.put(Measure.ROC_AUC, new double[] {5 / 6.0, 4 / 6.0, Double.NaN});
        testPerTask.put(Measure.PR_AUC, new double[] {(1 + 2 / 3.0) / 2, (0.5 + 2 / 3.0) / 2, Double.NaN});
        testPerTask.put(Measure.ACCURACY, new double[] {0.8, 0.6, 0.75});
        RunMetrics.SetMetrics test = set(DataSplit.TEST, 6, 2, means(Measure.LOSS, 0.6931, Measure.ACCURACY, 10 / 14.0,
                Measure.ROC_AUC, 0.75, Measure.PR_AUC, 0.708333), testPerTask, new int[] {5, 5, 4});
        Map<Measure, double[]> validationPerTask = new EnumMap<>(Measure.class);
        validationPerTask.put(Measure.ROC_AUC, new double[] {1.0, Double.NaN, 0.5});
        validationPerTask.put(Measure.PR_AUC, new double[] {1.0, Double.NaN, 0.5});
        validationPerTask.put(Measure.ACCURACY, new double[] {2 / 3.0, 1.0, 0.5});
        RunMetrics.SetMetrics validation = set(DataSplit.VALIDATION, 3, 2, means(Measure.LOSS, 0.5123,
                Measure.ACCURACY, 5 / 7.0, Measure.ROC_AUC, 0.75, Measure.PR_AUC, 0.75), validationPerTask,
                new int[] {3, 2, 2});
        List<EpochResult> history = List.of(
                epoch(1, 0.001, 1.2, 500, TRAIN_LOSS, 0.65, TRAIN_ACCURACY, 0.61, VAL_LOSS, 0.60, VAL_ACCURACY, 0.57,
                        VAL_ROC_AUC, 0.62, VAL_PR_AUC, 0.55),
                epoch(2, 0.001, 1.1, 505, TRAIN_LOSS, 0.52, TRAIN_ACCURACY, 0.70, VAL_LOSS, 0.5123, VAL_ACCURACY,
                        5 / 7.0, VAL_ROC_AUC, 0.75, VAL_PR_AUC, 0.75),
                epoch(3, 0.001, 1.1, 507, TRAIN_LOSS, 0.44, TRAIN_ACCURACY, 0.78, VAL_LOSS, 0.55, VAL_ACCURACY, 0.6,
                        VAL_ROC_AUC, 0.70, VAL_PR_AUC, 0.66));
        RunMetrics metrics = new RunMetrics("Tox21Tasks", 3, 32, 24, 3.4, 21.2, 0.44, 0.78, Optional.of(validation),
                Optional.of(test), 2, "val_roc_auc", false, 505, "cpu", 2, 7, "Adam(lr=0.001)", Loss.BCE_WITH_LOGITS,
                TASKS);
        Map<DataSplit, float[]> labels = new EnumMap<>(DataSplit.class);
        labels.put(DataSplit.VALIDATION, VALIDATION_TASK_LABELS);
        labels.put(DataSplit.TEST, TASK_LABELS);
        return new ReportData("Network: \"Tox21Tasks\"\n", Map.of("Loss", "BCE-with-logits, 3 tasks"), metrics,
                history, FinalPredictions.binary(TASK_LOGITS, labels, TASKS.size()));
    }

    /*
     * One regression target on five test samples, one unlabelled: predicted 1.0 2.5 2.0 4.0 (7.0), true 1.5 2.0 2.0
     * 5.0 (NaN). Errors -0.5 0.5 0 -1: MSE 0.375, RMSE 0.612372, MAE 0.5; true mean 2.625, total sum of squares
     * 7.6875, so R² = 1 - 1.5 / 7.6875 = 0.804878.
     */
    static ReportData regression() {
        RunMetrics.SetMetrics test = set(DataSplit.TEST, 5, 4, means(Measure.LOSS, 0.375, Measure.RMSE,
                Math.sqrt(0.375), Measure.MAE, 0.5, Measure.R2, 1 - 1.5 / 7.6875), Map.of(), new int[] {4});
        RunMetrics.SetMetrics validation = set(DataSplit.VALIDATION, 4, 4, means(Measure.LOSS, 0.41, Measure.RMSE,
                0.6403, Measure.MAE, 0.55, Measure.R2, 0.7712), Map.of(), new int[] {4});
        TrainingMetric trainR2 = metric(DataSplit.TRAIN, Measure.R2);
        TrainingMetric valRmse = metric(DataSplit.VALIDATION, Measure.RMSE);
        TrainingMetric valMae = metric(DataSplit.VALIDATION, Measure.MAE);
        TrainingMetric valR2 = metric(DataSplit.VALIDATION, Measure.R2);
        List<EpochResult> history = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            double f = Math.exp(-e / 2.0);
            history.add(epoch(e, 0.01, 0.4, 300, TRAIN_LOSS, 0.3 + 2 * f, trainR2, 0.9 - f, VAL_LOSS,
                    e == 4 ? 0.41 : 0.45 + f, valRmse, e == 4 ? 0.6403 : 0.67 + f, valMae, e == 4 ? 0.55 : 0.58 + f,
                    valR2, e == 4 ? 0.7712 : 0.75 - f));
        }
        RunMetrics metrics = new RunMetrics("Solubility", 5, 16, 40, 2.0, 100, history.get(4).trainLoss(), Double.NaN,
                Optional.of(validation), Optional.of(test), 4, "val_loss", false, 300, "cpu", 1, 3, "Adam(lr=0.01)",
                Loss.MSE, List.of("logS"));
        RegressionPoints points = new RegressionPoints(new float[] {1.0f, 2.5f, 2.0f, 4.0f, 7.0f},
                new float[] {1.5f, 2.0f, 2.0f, 5.0f, Float.NaN}, 1);
        return new ReportData("Network: \"Solubility\"\n", Map.of("Loss", "mean squared error"), metrics, history,
                FinalPredictions.regression(points));
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

        // The history: train and test-every-epoch columns, the test ones marked as never chosen on.
        assertEquals(List.of("Train", "Test, every epoch (not used for choices)"), historyGroups(html));
        assertEquals(3, historyRows(html).size(), "one history row per epoch");
        assertTrue(historyRows(html).get(2).contains("<td class=\"test\">0.0688</td>"), "epoch 3 test loss");
        assertTrue(historyRows(html).get(2).contains("<td class=\"test\">97.94%</td>"), "epoch 3 test accuracy");
        assertTrue(historyRows(html).get(2).contains("<td class=\"train\">98.43%</td>"), "epoch 3 train accuracy");
        assertTrue(historyRows(html).get(2).contains("<span class=\"pill\">best \u00b7 train_loss</span>"),
                "chosen epoch named with its monitor");
        assertEquals(1, historyRows(html).stream().filter(r -> r.contains("pill")).count());

        // Without @Split: no validation section, the test set scored once with the chosen parameters.
        assertFalse(html.contains("Validation (chosen on)"));
        assertTrue(html.contains("<h2>Test (scored once, epoch 3)</h2>"));
        assertTrue(html.contains("<dt>Accuracy</dt><dd>97.94%</dd>"), "test set measures");

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
        assertTrue(html.contains("Test accuracy</div><div class=\"value\">97.94%<"), "test accuracy card");
        assertTrue(html.contains(">0.0786<"), "final train loss card");
        assertTrue(html.contains(">18.2 s<"), "train time");
        assertTrue(html.contains(">10,142<"), "samples per second");
        assertTrue(html.contains(">871 MB<"), "peak RSS");

        assertSelfContained(html);
    }

    @Test
    void binaryReportHasRocCurveAndValidationSection() throws IOException {
        ReportData data = tox21();
        RunReport.write(directory, data);
        keep("binary", data);

        for (String chart : List.of("loss.png", "accuracy.png", "roc_auc.png", "pr_auc.png")) {
            assertImage(directory.resolve(chart), 1600, 900);
        }
        assertImage(directory.resolve("roc.png"), 1440, 1380);
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("src=\"roc.png\""), "ROC chart on the page");
        assertTrue(html.contains("src=\"roc_auc.png\"") && html.contains("src=\"pr_auc.png\""), "ranking curves");
        assertTrue(html.contains("Test ROC AUC</div><div class=\"value\">" + ReportFormat.fixed(roc(data).area(), 4)),
                "AUC card: the test set's");

        // Chosen on validation; the test set scored once, with the parameters of epoch 1.
        assertEquals(List.of("Train", "Validation"), historyGroups(html));
        assertTrue(html.contains("<h2>Validation (chosen on)</h2>"));
        assertTrue(html.contains("930 samples \u00b7 epoch 1 chosen by val_roc_auc"));
        assertTrue(html.contains("<h2>Test (scored once, epoch 1)</h2>"));
        assertTrue(html.indexOf("Validation (chosen on)") < html.indexOf("Test (scored once"));
        assertTrue(html.contains("<dt>PR AUC</dt><dd>0.4873</dd>"), "test PR AUC");
        assertTrue(html.contains("<dt>PR AUC</dt><dd>0.5512</dd>"), "validation PR AUC");
        assertTrue(html.contains("<dt>Positives</dt><dd>160 of 1,162</dd>"));

        assertEquals(4, historyRows(html).size());
        assertTrue(historyRows(html).get(0).contains("<td class=\"val\">0.9017</td>"), "val ROC AUC per epoch");
        assertTrue(historyRows(html).get(1).contains("<td class=\"val\">0.5407</td>"), "val PR AUC per epoch");
        assertTrue(historyRows(html).get(0).contains("best \u00b7 val_roc_auc"), "early stopping kept epoch 1");
        assertTrue(html.contains("Validation ROC AUC per epoch"), "AUC bars from the validation set");
        assertTrue(html.contains("stopped early"));
        assertTrue(html.contains("Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)"));
        assertTrue(html.contains("SMILES -&gt; ECFP4"), "settings escaped");
        assertFalse(html.contains("class=\"cm"), "no confusion matrix without one");
        assertFalse(html.contains("class=\"tasks\""), "no per-task table for one task");
        assertSelfContained(html);
    }

    @Test
    void rocCurvePerTaskLeavesMissingLabelsOut() {
        List<RocCurve> curves = RocCurve.perTask(TASK_LOGITS, TASK_LABELS, 3);
        assertEquals(3, curves.size());
        RocCurve first = curves.get(0);
        assertEquals(5 / 6.0, first.area(), 1e-12, "the unlabelled logit 9.0 is not a negative");
        assertArrayEquals(new double[] {0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, first.falsePositiveRates(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1, 1}, first.truePositiveRates(), 1e-12);
        assertEquals(4 / 6.0, curves.get(1).area(), 1e-12);
        assertTrue(Double.isNaN(curves.get(2).area()), "no positive, no curve");
        assertEquals(0, curves.get(2).falsePositiveRates().length);
        assertArrayEquals(new int[] {2, 2, 0}, FinalPredictions.positives(TASK_LABELS, 3));
        assertArrayEquals(new int[] {2, 0, 1}, FinalPredictions.positives(VALIDATION_TASK_LABELS, 3));
    }

    @Test
    void multiTaskReportHasAPerTaskTableAndACurvePerTask() throws IOException {
        ReportData data = multiTask();
        RunReport.write(directory, data);
        keep("multi-task", data);

        assertImage(directory.resolve("roc.png"), 1440, 1600);
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("src=\"roc.png\" width=\"720\" height=\"800\""), "one chart of every task's curve");
        assertTrue(html.contains("3 tasks"));

        List<List<String>> test = taskTable(html, "Test (scored once, epoch 2)");
        assertEquals(List.of("Task", "Labelled", "Positives", "ROC AUC", "PR AUC", "Accuracy"), test.get(0));
        assertEquals(List.of("NR-AR", "5", "2", "0.8333", "0.8333", "80.00%"), test.get(1));
        assertEquals(List.of("NR-AhR", "5", "2", "0.6667", "0.5833", "60.00%"), test.get(2));
        assertEquals(List.of("SR-ARE", "4", "0", "\u2014", "\u2014", "75.00%"), test.get(3));
        assertEquals(List.of("Mean over tasks", "14", "4", "0.7500", "0.7083", "71.67%"), test.get(4),
                "means over the tasks where defined, counts summed");

        List<List<String>> validation = taskTable(html, "Validation (chosen on)");
        assertEquals(List.of("NR-AR", "3", "2", "1.0000", "1.0000", "66.67%"), validation.get(1));
        assertEquals(List.of("NR-AhR", "2", "0", "\u2014", "\u2014", "100.00%"), validation.get(2));
        assertEquals(List.of("Mean over tasks", "7", "3", "0.7500", "0.7500", "72.22%"), validation.get(4));

        assertTrue(html.contains("<dt>ROC AUC (mean over tasks)</dt><dd>0.7500</dd>"));
        assertTrue(html.contains("Test ROC AUC</div><div class=\"value\">0.7500<"), "headline card");
        assertTrue(html.contains("mean of 3 tasks"));
        assertFalse(html.contains("class=\"card panel\""), "no one-task AUC panel");
        assertSelfContained(html);
    }

    @Test
    void regressionReportHasScatterResidualsAndErrorCards() throws IOException {
        ReportData data = regression();
        RunReport.write(directory, data);
        keep("regression", data);

        for (String chart : List.of("loss.png", "rmse.png", "mae.png", "r2.png")) {
            assertImage(directory.resolve(chart), 1600, 900);
        }
        assertFalse(Files.exists(directory.resolve("accuracy.png")), "no accuracy for numbers");
        assertImage(directory.resolve("predicted.png"), 1280, 1200);
        assertImage(directory.resolve("residuals.png"), 1280, 1200);
        assertFalse(Files.exists(directory.resolve("roc.png")));
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("src=\"predicted.png\"") && html.contains("src=\"residuals.png\""));

        assertTrue(html.contains("Test RMSE</div><div class=\"value\">0.6124<"), "RMSE card, not the MSE loss");
        assertTrue(html.contains("Test MAE</div><div class=\"value\">0.5000<"));
        assertTrue(html.contains("Test R\u00b2</div><div class=\"value\">0.8049<"));
        assertFalse(html.contains("accuracy</div>"), "no accuracy card");

        assertEquals(List.of("Train", "Validation"), historyGroups(html));
        assertTrue(historyRows(html).get(3).contains("best \u00b7 val_loss"));
        assertTrue(historyRows(html).get(3).contains("<td class=\"val\">0.6403</td>"), "val RMSE of epoch 4");
        assertTrue(html.contains("<h2>Test (scored once, epoch 4)</h2>"));
        assertTrue(html.contains("<dt>R\u00b2</dt><dd>0.7712</dd>"), "validation R²");
        assertSelfContained(html);
    }

    @Test
    void seedSummaryPage() throws IOException {
        List<RunMetrics> runs = new ArrayList<>();
        double[] validationAuc = {0.80, 0.84, 0.86};
        double[][] testTaskAuc = {{0.70, 0.60}, {0.90, 0.64}, {Double.NaN, 0.68}};
        int[] seeds = {1, 2, 3};
        for (int i = 0; i < 3; i++) {
            Map<Measure, double[]> perTask = new EnumMap<>(Measure.class);
            perTask.put(Measure.ROC_AUC, testTaskAuc[i]);
            RunMetrics.SetMetrics validation = set(DataSplit.VALIDATION, 50, 2 + i, means(Measure.LOSS, 0.5,
                    Measure.ROC_AUC, validationAuc[i]), Map.of(), new int[] {50, 50});
            RunMetrics.SetMetrics test = set(DataSplit.TEST, 60, 2 + i, means(Measure.LOSS, 0.6, Measure.ROC_AUC,
                    0.65 + 0.01 * i), perTask, new int[] {60, 58});
            runs.add(new RunMetrics("Tox21<Tasks>", 5, 32, 200, 3.0, 300, 0.4, 0.8, Optional.of(validation),
                    Optional.of(test), 2 + i, "val_roc_auc", false, 400, "cpu", 1, seeds[i], "Adam(lr=0.001)",
                    Loss.BCE_WITH_LOGITS, List.of("NR-AR", "SR-<ARE>")));
        }
        SeedReport.write(directory, new SeedSummary("Tox21<Tasks>", List.of(1, 2, 3), runs));
        String html = read(directory.resolve("report.html"));

        // 0.80, 0.84, 0.86: mean 0.8333, sample standard deviation 0.0306 (0.0249 with n instead of n - 1).
        assertTrue(html.contains("<tr><th scope=\"row\">val_roc_auc</th><td class=\"spread\">0.8333 \u00b1 0.0306</td>"
                + "<td>0.8000</td><td>0.8400</td><td>0.8600</td></tr>"), html);
        assertTrue(html.contains("<th scope=\"row\">test_roc_auc</th><td class=\"spread\">0.6600 \u00b1 0.0100</td>"));
        // Per task: seed 3 has no ROC AUC for NR-AR, so its spread is over two runs.
        assertTrue(html.contains("<tr><th scope=\"row\">NR-AR</th><td>0.8000 \u00b1 0.1414 (2 of 3 runs)</td></tr>"));
        assertTrue(html.contains("<tr><th scope=\"row\">SR-&lt;ARE&gt;</th><td>0.6400 \u00b1 0.0400</td></tr>"));
        for (int seed : seeds) {
            assertTrue(html.contains("<a href=\"seed_" + seed + "/report.html\">seed " + seed + "</a>"), "link " + seed);
        }
        assertTrue(html.contains("<h2>Validation (chosen on)</h2>") && html.contains("<h2>Test (scored once per seed)</h2>"));
        assertTrue(html.contains("epoch 4 by val_roc_auc"), "seed 3's chosen epoch");
        assertTrue(html.contains("<h1>Tox21&lt;Tasks&gt;</h1>"), "escaped");
        assertSelfContained(html);
    }

    @Test
    void skippedStepsAreAWarningAtTheTop() throws IOException {
        ReportData clean = mnist();
        RunReport.write(directory, clean);
        assertFalse(read(directory.resolve("report.html")).contains("class=\"card warning\""), "no warning");

        EpochResult second = clean.history().get(1);
        List<EpochResult> history = List.of(
                clean.history().get(0),
                new EpochResult(2, second.metrics(), 0.01, 5.87, 861.0, 5.1, 3),
                clean.history().get(2));
        RunReport.write(directory, new ReportData(clean.summary(), clean.settings(), clean.metrics(), history,
                clean.predictions()));
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("class=\"card warning\""), "warning card");
        assertTrue(html.contains("Epoch 2: the optimizer skipped 3 steps whose gradients were NaN or infinite."), html);
        assertTrue(html.indexOf("card warning") < html.indexOf("class=\"cards\""), "above the key numbers");
    }

    @Test
    void withoutTestSetPlotsAndTabulatesTrainingOnly() throws IOException {
        List<EpochResult> history = List.of(
                epoch(1, 0.1, 1.5, 300, TRAIN_LOSS, 0.6, TRAIN_ACCURACY, 0.71),
                epoch(2, 0.05, 1.4, 310, TRAIN_LOSS, 0.4, TRAIN_ACCURACY, 0.83),
                epoch(3, 0.025, 1.4, 312, TRAIN_LOSS, 0.3, TRAIN_ACCURACY, 0.88));
        ReportData data = new ReportData("Network: \"Iris\"\n", Map.of("Epochs", "3"),
                metrics("Iris", history, Optional.empty(), 0), history, FinalPredictions.none());
        RunReport.write(directory, data);
        keep("no-test", data);

        assertImage(directory.resolve("loss.png"), 1600, 900);
        assertImage(directory.resolve("accuracy.png"), 1600, 900);
        String html = read(directory.resolve("report.html"));
        assertEquals(3, historyRows(html).size());
        assertEquals(List.of("Train"), historyGroups(html));
        assertFalse(html.contains("Test (scored once"), "no test section");
        assertFalse(html.contains("Validation (chosen on)"), "no validation section");
        assertFalse(html.contains("NaN"));
        assertTrue(html.contains("no test set"));
        assertTrue(html.contains("Train accuracy"));
        assertTrue(html.contains(">0.025<"), "decayed learning rate");
        assertSelfContained(html);
    }

    @Test
    void oneEpochHistory() throws IOException {
        List<EpochResult> history = List.of(epoch(1, 0.01, 3.2, 500, TRAIN_LOSS, 0.35, TRAIN_ACCURACY, 0.9,
                TEST_LOSS, 0.3, TEST_ACCURACY, 0.91));
        RunMetrics.SetMetrics test = set(DataSplit.TEST, 10, 1, means(Measure.LOSS, 0.3, Measure.ACCURACY, 0.91),
                Map.of(), new int[] {10});
        ReportData data = new ReportData("", Map.of(), metrics("One", history, Optional.of(test), 0), history,
                FinalPredictions.classes(new int[][] {{5, 1}, {0, 4}}));
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
            history.add(epoch(epoch, lr, 1.1 + 0.05 * Math.sin(epoch), 400 + 3 * Math.sqrt(epoch),
                    TRAIN_LOSS, 1.9 * Math.exp(-4 * t) + 0.05, TRAIN_ACCURACY, 0.55 + 0.44 * (1 - Math.exp(-5 * t)),
                    VAL_LOSS, 1.8 * Math.exp(-3.5 * t) + 0.12 + 0.1 * t * t,
                    VAL_ACCURACY, 0.53 + 0.38 * (1 - Math.exp(-5 * t))));
        }
        EpochResult last = history.get(59);
        RunMetrics.SetMetrics validation = set(DataSplit.VALIDATION, 5000, 41, means(Measure.LOSS,
                history.get(40).validationLoss(), Measure.ACCURACY, 0.9), Map.of(), new int[] {5000});
        RunMetrics metrics = new RunMetrics("Cifar10Mlp", 60, 128, 45000, 67.5, 40000.0, last.trainLoss(),
                last.trainAccuracy(), Optional.of(validation), Optional.empty(), 41, "val_loss", false, 420, "cpu", 2,
                42, "Adam(lr=0.001)", Loss.CROSS_ENTROPY, List.of("label"));
        ReportData data = new ReportData("Network: \"Cifar10Mlp\"\n", Map.of("Epochs", "60"), metrics, history,
                FinalPredictions.none());
        RunReport.write(directory, data);
        keep("long", data);
        assertImage(directory.resolve("loss.png"), 1600, 900);
        String html = read(directory.resolve("report.html"));
        assertEquals(60, historyRows(html).size());
        assertTrue(historyRows(html).get(40).contains("best \u00b7 val_loss"));
        assertTrue(html.contains("Validation accuracy</div><div class=\"value\">90.00%<"), "headline from validation");
        assertTrue(html.contains("1 min 08 s"), "train time over a minute");
    }

    @Test
    void escapesHtmlInNamesAndSettings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Data <file>", "a&b \"quoted\" 'single' <script>alert(1)</script>");
        ReportData base = mnist();
        ReportData data = new ReportData("Network: \"<Net>\" & more\n", settings,
                renamed(base.metrics(), "Net<T> & \"Co\"", "<gpu>"), base.history(), base.predictions());
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
    void escapesTaskNames() throws IOException {
        ReportData base = multiTask();
        RunMetrics m = base.metrics();
        RunMetrics renamed = new RunMetrics(m.network(), m.epochs(), m.batchSize(), m.trainSamples(), m.trainSeconds(),
                m.samplesPerSecond(), m.finalTrainLoss(), m.finalTrainAccuracy(), m.validation(), m.test(),
                m.bestEpoch(), m.monitor(), m.stoppedEarly(), m.peakRssMegabytes(), m.device(), m.threads(), m.seed(),
                m.optimizer(), m.loss(), List.of("<b>AR</b>", "A&B", "C"));
        RunReport.write(directory, new ReportData(base.summary(), base.settings(), renamed, base.history(),
                base.predictions()));
        String html = read(directory.resolve("report.html"));
        assertTrue(html.contains("<th scope=\"row\">&lt;b&gt;AR&lt;/b&gt;</th>"));
        assertTrue(html.contains("<th scope=\"row\">A&amp;B</th>"));
        assertFalse(html.contains("<b>AR"));
    }

    @Test
    void escapesScriptInTheNetworkAndStageNamesByDefault() throws IOException {
        ReportData base = mnist();
        String summary = MNIST_SUMMARY.replace("hidden1 ", "<script>").replace("\"MnistMlp\"", "\"<script>x</script>\"");
        ReportData data = new ReportData(summary, Map.of("Stage", "<script>alert('stage')</script>"),
                renamed(base.metrics(), "<script>alert(1)</script>", "cpu"), base.history(), base.predictions());
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
        RunReport.write(first, multiTask());
        RunReport.write(second, multiTask());
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

    private static TrainingMetric metric(DataSplit split, Measure measure) {
        return new TrainingMetric(split, measure);
    }

    /** An epoch with the given metrics: pairs of a {@link TrainingMetric} and its value. */
    private static EpochResult epoch(int epoch, double learningRate, double seconds, double rss, Object... pairs) {
        Map<TrainingMetric, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            metrics.put((TrainingMetric) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return new EpochResult(epoch, metrics, learningRate, seconds, rss, Double.NaN, 0);
    }

    /** Pairs of a {@link Measure} and its value. */
    private static Map<Measure, Double> means(Object... pairs) {
        Map<Measure, Double> means = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            means.put((Measure) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return means;
    }

    private static RunMetrics.SetMetrics set(DataSplit split, int samples, int epoch, Map<Measure, Double> means,
            Map<Measure, double[]> perTask, int[] labelled) {
        return new RunMetrics.SetMetrics(split, samples, epoch, means, perTask, labelled);
    }

    /** Metrics that agree with {@code history}: its last epoch's numbers, plausible settings. */
    private static RunMetrics metrics(String network, List<EpochResult> history,
            Optional<RunMetrics.SetMetrics> test, int bestEpoch) {
        EpochResult last = history.get(history.size() - 1);
        double seconds = history.stream().mapToDouble(EpochResult::seconds).sum();
        return new RunMetrics(network, last.epoch(), 32, 150, seconds, 150 * history.size() / seconds,
                last.trainLoss(), last.trainAccuracy(), Optional.empty(), test, bestEpoch, "train_loss", false, 320,
                "cpu", 1, 42, "Adam(lr=0.001)", Loss.CROSS_ENTROPY, List.of("label"));
    }

    private static RunMetrics renamed(RunMetrics m, String network, String device) {
        return new RunMetrics(network, m.epochs(), m.batchSize(), m.trainSamples(), m.trainSeconds(),
                m.samplesPerSecond(), m.finalTrainLoss(), m.finalTrainAccuracy(), m.validation(), m.test(),
                m.bestEpoch(), m.monitor(), m.stoppedEarly(), m.peakRssMegabytes(), device, m.threads(), m.seed(),
                m.optimizer(), m.loss(), m.tasks());
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

    /** The history's column groups, by their labels. */
    private static List<String> historyGroups(String html) {
        int start = html.indexOf("<tr class=\"groups\">");
        String row = html.substring(start, html.indexOf("</tr>", start));
        List<String> groups = new ArrayList<>();
        Matcher matcher = Pattern.compile("<i class=\"dot [a-z]+\"></i>([^<]*)</th>").matcher(row);
        while (matcher.find()) {
            groups.add(matcher.group(1));
        }
        return groups;
    }

    /** The cells of the per-task table in the section titled {@code title}: the header row, then each row. */
    private static List<List<String>> taskTable(String html, String title) {
        int section = html.indexOf("<h2>" + title + "</h2>");
        assertTrue(section >= 0, title);
        int start = html.indexOf("<table class=\"tasks\">", section);
        String table = html.substring(start, html.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static RocCurve roc(ReportData data) {
        return data.predictions().rocCurves().get(0);
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
