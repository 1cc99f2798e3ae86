package dev.lamina.runtime.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.FeatureVector;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.model.ModelFile;
import dev.lamina.runtime.model.ModelOutputs;
import dev.lamina.runtime.model.Prediction;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring files: every row predicted as the model predicts it alone, in order, bad rows reported not fatal. */
class ScorerTest {

    @TempDir
    Path directory;

    private Path modelFile;

    @BeforeEach
    void writeModel() throws IOException {
        Architecture architecture = Architecture.builder("Scored", 5)
                .stage("hidden", new LinearSpec(5, 8), new ReLUSpec())
                .stage("logits", new LinearSpec(8, 3))
                .build();
        modelFile = directory.resolve(ModelFile.fileName("Scored"));
        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 9)) {
            ModelFile.write(modelFile, architecture, new FeatureVector(5), Loss.CROSS_ENTROPY, "last", 1, Map.of(),
                    network.parameterTensors());
        }
    }

    private static String row(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            text.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
        }
        return text.toString();
    }

    @Test
    void everyRowIsScoredInOrderAndBadRowsGetTheirReason() throws IOException {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>(List.of("id,a,b,c,d,e"));
        for (int i = 0; i < 40; i++) {
            lines.add("m" + i + "," + row(random));
        }
        lines.set(6, "m5,1,2,3");                              // too few values
        lines.set(12, "m11,1,2,x,4,5");                        // not a number
        lines.set(20, "m19,1,2,NaN,4,5");                      // not finite
        lines.add(25, "");                                      // blank lines are skipped
        lines.add(30, "m-long," + "1".repeat(CappedLines.MAX_CHARS + 10));
        Path input = directory.resolve("rows.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        Path output = directory.resolve("scores.csv");
        List<Long> progress = new ArrayList<>();
        ScoreSummary summary;
        try (LaminaModel<float[]> model = LaminaModel.load(modelFile, float[].class)) {
            summary = Scorer.features(model, 5).batchSize(3).threads(2).score(input, output, progress::add);

            List<String> scored = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertEquals("id,predicted_class,probability_0,probability_1,probability_2,error", scored.get(0));
            assertEquals(42, scored.size(), "a header and 41 rows");
            assertEquals(41, summary.rows());
            assertEquals(4, summary.errors());
            assertEquals("m5,,,,,the line has 4 values; the model takes 5 (or an id and 5)", scored.get(6));
            assertEquals("m11,,,,,\"value 3 is 'x', not a number\"", scored.get(12));
            assertEquals("m19,,,,,input value 2 is NaN; every value must be finite", scored.get(20));
            assertTrue(scored.stream().anyMatch(l -> l.endsWith(",the line is longer than 1048576 characters")));
            FeatureRows rows = new FeatureRows(5);
            for (String text : lines.subList(1, lines.size())) {
                InputRow<float[]> row = rows.parse(0, text);
                if (text.isBlank() || row.error() != null || text.contains("NaN")) {
                    continue;
                }
                Prediction alone = model.predict(row.raw());
                String expected = row.id() + "," + alone.predictedClass() + "," + alone.probability(0) + ","
                        + alone.probability(1) + "," + alone.probability(2) + ",";
                // Batches of 3 may round in the last place differently from a batch of one: compare the class
                // exactly and the probabilities to 1e-6.
                String line = scored.stream().filter(l -> l.startsWith(row.id() + ",")).findFirst().orElseThrow();
                String[] cells = line.split(",", -1);
                String[] wanted = expected.split(",", -1);
                assertEquals(wanted[1], cells[1], line);
                for (int k = 2; k <= 4; k++) {
                    assertEquals(Float.parseFloat(wanted[k]), Float.parseFloat(cells[k]), 1e-6, line);
                }
            }
        }
        List<String> ids = Files.readAllLines(output).stream().skip(1).map(l -> l.split(",", 2)[0]).toList();
        assertEquals("m0", ids.get(0));
        assertEquals("m39", ids.get(ids.size() - 1));
        assertTrue(ids.indexOf("m10") < ids.indexOf("m11") && ids.indexOf("m30") < ids.indexOf("m31"), "input order");
        assertEquals(41L, progress.get(progress.size() - 1));
        assertFalse(Files.list(directory).anyMatch(p -> p.getFileName().toString().contains(".tmp")));
    }

    @Test
    void smilesFilesTakeAnOptionalIdAndHeader() {
        SmilesRows table = new SmilesRows();
        assertTrue(table.isHeader("Compound\tSMILES\tactivity"));
        InputRow<String> tox21 = table.parse(2, "NCGC00013012-01\tOC(=O)[C@H](O)C(=O)CO\t0");
        assertEquals("NCGC00013012-01", tox21.id());
        assertEquals("OC(=O)[C@H](O)C(=O)CO", tox21.raw());
        SmilesRows rows = new SmilesRows();
        assertFalse(rows.isHeader("CCO\tethanol"));
        assertEquals("ethanol", rows.parse(2, "CCO\tethanol").id());
        assertEquals("CCO", rows.parse(2, "CCO ethanol").raw());
        assertEquals("7", rows.parse(7, "c1ccccc1").id());
        assertEquals("the line has no SMILES", rows.parse(3, "\t id").error());
        assertEquals("the line has no SMILES", table.parse(4, "NCGC1\t\t1").error());
    }

    /** A model of one linear layer whose logits for the row (1, 2) are (1.5, 1, 0.25). */
    private Path knownModel(String name, Loss loss, List<String> outputNames) throws IOException {
        Architecture architecture = Architecture.builder(name, 2).stage("out", new LinearSpec(2, 3)).build();
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("out.weight", new SafeTensors.Tensor(new long[] {3, 2}, new float[] {1, 0, 0, 1, -1, 0.5f}));
        tensors.put("out.bias", new SafeTensors.Tensor(new long[] {3}, new float[] {0.5f, -1, 0.25f}));
        Path file = directory.resolve(ModelFile.fileName(name));
        ModelFile.write(file, architecture, new FeatureVector(2), loss, outputNames, "best", 1, Map.of(), tensors);
        return file;
    }

    /** The output of scoring the rows {@code m1: (1, 2)}, {@code m2: (1, x)} with a model file. */
    private List<String> scoreTwoRows(Path modelFile) throws IOException {
        Path input = directory.resolve("two.csv");
        Files.writeString(input, "id,a,b\nm1,1,2\nm2,1,x\n");
        Path output = directory.resolve("two.predictions.csv");
        try (LaminaModel<float[]> model = LaminaModel.load(modelFile, float[].class)) {
            Scorer.features(model, 2).threads(1).score(input, output);
        }
        return Files.readAllLines(output, StandardCharsets.UTF_8);
    }

    private static float sigmoid(float logit) {
        return (float) (1 / (1 + Math.exp(-logit)));
    }

    @Test
    void namedClassesNameTheirColumnsAndThePredictedClass() throws IOException {
        List<String> scored = scoreTwoRows(knownModel("Animals", Loss.CROSS_ENTROPY, List.of("cat", "dog", "a,b")));
        assertEquals("id,predicted_class,probability_cat,probability_dog,\"probability_a,b\",error", scored.get(0));
        String[] cells = scored.get(1).split(",", -1);
        assertEquals("m1", cells[0]);
        assertEquals("cat", cells[1]);
        double total = Math.exp(1.5) + Math.exp(1) + Math.exp(0.25);
        assertEquals(Math.exp(1.5) / total, Float.parseFloat(cells[2]), 1e-6);
        assertEquals(Math.exp(0.25) / total, Float.parseFloat(cells[4]), 1e-6);
        assertEquals("", cells[5]);
        assertEquals("m2,,,,,\"value 2 is 'x', not a number\"", scored.get(2));
    }

    @Test
    void severalYesNoTasksGetAProbabilityColumnEach() throws IOException {
        List<String> scored = scoreTwoRows(knownModel("Assays", Loss.BCE_WITH_LOGITS,
                List.of("NR-AR", "NR-AhR", "SR-p53")));
        assertEquals("id,probability_NR-AR,probability_NR-AhR,probability_SR-p53,error", scored.get(0));
        String[] cells = scored.get(1).split(",", -1);
        assertEquals(5, cells.length, scored.get(1));
        assertEquals("m1", cells[0]);
        float[] logits = {1.5f, 1f, 0.25f};
        for (int t = 0; t < 3; t++) {
            assertEquals(sigmoid(logits[t]), Float.parseFloat(cells[t + 1]), 1e-6, "task " + t + ": its own sigmoid");
        }
        assertEquals("", cells[4]);
        assertEquals("m2,,,,\"value 2 is 'x', not a number\"", scored.get(2));
        assertEquals("id,probability_0,probability_1,probability_2,error",
                scoreTwoRows(knownModel("Unnamed", Loss.BCE_WITH_LOGITS, List.of())).get(0));
    }

    @Test
    void aRegressionGetsAPredictedColumnPerTarget() throws IOException {
        List<String> scored = scoreTwoRows(knownModel("Properties", Loss.MSE, List.of("logS", "mp", "bp")));
        assertEquals("id,predicted_logS,predicted_mp,predicted_bp,error", scored.get(0));
        assertEquals("m1,1.5,1.0,0.25,", scored.get(1));
        assertEquals("m2,,,,\"value 2 is 'x', not a number\"", scored.get(2));
        assertEquals("id,predicted_0,predicted_1,predicted_2,error",
                scoreTwoRows(knownModel("Unnamed", Loss.HUBER, List.of())).get(0));
    }

    @Test
    void oneUnnamedTargetIsPredicted() throws IOException {
        Architecture architecture = Architecture.builder("Solubility", 2).stage("out", new LinearSpec(2, 1)).build();
        Map<String, SafeTensors.Tensor> tensors = Map.of(
                "out.weight", new SafeTensors.Tensor(new long[] {1, 2}, new float[] {2, -1}),
                "out.bias", new SafeTensors.Tensor(new long[] {1}, new float[] {-3}));
        Path file = directory.resolve("solubility.lamina.safetensors");
        ModelFile.write(file, architecture, new FeatureVector(2), Loss.L1, "best", 1, Map.of(), tensors);
        assertEquals(List.of("id,predicted,error", "m1,-3.0,", "m2,,\"value 2 is 'x', not a number\""),
                scoreTwoRows(file));
        assertEquals(List.of("predicted"), Scorer.columns(new ModelOutputs(TaskKind.REGRESSION, 1, List.of())));
        assertEquals(List.of("predicted_logS"),
                Scorer.columns(new ModelOutputs(TaskKind.REGRESSION, 1, List.of("logS"))));
        assertEquals(List.of("predicted_class", "probability_0", "probability_1"),
                Scorer.columns(new ModelOutputs(TaskKind.BINARY, 1, List.of("SR-MMP"))));
    }
}
