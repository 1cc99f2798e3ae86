package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.ModelFile;
import dev.lamina.runtime.train.RepeatedRuns;
import dev.lamina.runtime.train.RunMetrics;
import dev.lamina.runtime.train.SeedSummary;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;
import dev.lamina.spec.contract.Measure;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two examples beyond one label, end to end on the vendored data: the twelve Tox21 assays with their missing
 * labels, and the pIC50 regression; both trained as annotated (shortened), both predicting from SMILES afterwards.
 */
class TasksBeyondOneLabelTest {

    private static final String ASPIRIN = "CC(=O)Oc1ccccc1C(=O)O";

    private static TrainTestData tox21;

    @BeforeAll
    static void loadTox21() throws IOException {
        tox21 = new Tox21Data().load(new DataContext(Path.of("").toAbsolutePath()));
    }

    @Test
    void twelveAssaysTrainOnTheirLabelledEntriesAndPredictAProbabilityEach(@TempDir Path output) throws IOException {
        assertEquals(5693, tox21.train().size());
        assertEquals(12, tox21.train().labelWidth());
        TrainingConfig config = Tox21MultitaskTrainer.config().epochs(3).progressBar(false).outputDirectory(output)
                .build();
        try (TrainingResult result = Tox21MultitaskTrainer.train(config, tox21)) {
            RunMetrics metrics = result.metrics();
            RunMetrics.SetMetrics test = metrics.test().orElseThrow();
            assertEquals(570, test.samples());
            double[] perAssay = test.perTask().get(Measure.ROC_AUC);
            assertEquals(12, perAssay.length);
            double mean = 0;
            for (double auc : perAssay) {
                assertTrue(auc > 0.6 && auc <= 1, "every assay is learnt: " + auc);
                mean += auc / 12;
            }
            assertEquals(mean, test.value(Measure.ROC_AUC), 1e-12);
            assertTrue(mean > 0.75, "mean test ROC AUC " + mean);
            // Each assay is scored over its labelled molecules only: far fewer than the 570 of the test set.
            for (int labelled : test.labelled()) {
                assertTrue(labelled > 0 && labelled < 300, "labelled " + labelled);
            }
            JsonObject json = JsonParser.parseString(Files.readString(result.runDirectory().resolve("metrics.json")))
                    .getAsJsonObject();
            assertEquals("val_roc_auc", json.get("monitor").getAsString());
            assertEquals(perAssay[10], json.getAsJsonObject("test_tasks").getAsJsonObject("SR-MMP").get("roc_auc")
                    .getAsDouble());

            Path modelFile = result.runDirectory().resolve(ModelFile.fileName("Tox21Multitask"));
            try (LaminaModel<String> model = Tox21MultitaskModel.load(modelFile)) {
                assertEquals(Tox21Data.TASKS, model.outputNames());
                float[] probabilities = model.predictOutputs(ASPIRIN);
                assertEquals(12, probabilities.length);
                for (float p : probabilities) {
                    assertTrue(p > 0 && p < 1, "a sigmoid per assay, not a softmax: " + p);
                }
                assertThrows(UnsupportedOperationException.class, () -> model.predict(ASPIRIN));
            }
        }
    }

    @Test
    void pic50RegressionOverTwoSeedsBeatsPredictingTheMean(@TempDir Path output) throws IOException {
        TrainTestData molecules = new ChemblPic50Data().load(new DataContext(Path.of("").toAbsolutePath()));
        assertEquals(1017, molecules.train().size());
        TrainingConfig config = ChemblPic50Trainer.config().epochs(15).progressBar(false).outputDirectory(output)
                .split(new dev.lamina.runtime.train.SplitSettings(0.1, 0.1, dev.lamina.dsl.SplitMethod.RANDOM,
                        List.of(1, 2), false))
                .build();
        SeedSummary summary = RepeatedRuns.train(ChemblPic50Trainer.JOB, config, molecules);
        // The data's pIC50 has a standard deviation of 1.09: predicting the mean gives an RMSE about that.
        SeedSummary.Spread rmse = summary.spread(true, Measure.RMSE);
        assertTrue(rmse.mean() < 0.8, "test RMSE " + rmse);
        assertEquals(2, rmse.runs());
        Path model = output.resolve("ChemblPic50/run_1/seed_2").resolve(ModelFile.fileName("ChemblPic50"));
        try (LaminaModel<String> loaded = ChemblPic50Model.load(model)) {
            // The file's first molecule, measured at pIC50 5.48: a number on that scale, not a probability.
            float pic50 = loaded.predictOutputs("O=S(=O)(Nc1cccs1)c2ccc(Oc3ccccc3c4ccccc4)c(c2)C#N")[0];
            assertEquals(5.48, pic50, 1.5);
        }
    }
}
