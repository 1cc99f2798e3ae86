package dev.lamina.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.FeatureVector;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.SigmoidSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a model predicts follows from its loss, not its output width: a model of known weights whose logits for
 * the input (1, 2) are (1.5, 1, 0.25) gives three sigmoids as three yes/no tasks, the logits themselves as a
 * regression and a softmax as a classifier; names recorded in the file come back, and files whose names do not
 * fit are refused.
 */
class ModelOutputsTest {

    /** The logits of {@link #INPUT}: W = [[1, 0], [0, 1], [-1, 0.5]], b = [0.5, -1, 0.25]. */
    static final float[] LOGITS = {1.5f, 1f, 0.25f};
    static final float[] INPUT = {1f, 2f};

    @TempDir
    Path directory;

    static Architecture linear(String name) {
        return Architecture.builder(name, 2).stage("out", new LinearSpec(2, 3)).build();
    }

    static Map<String, SafeTensors.Tensor> weights() {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("out.weight", new SafeTensors.Tensor(new long[] {3, 2}, new float[] {1, 0, 0, 1, -1, 0.5f}));
        tensors.put("out.bias", new SafeTensors.Tensor(new long[] {3}, new float[] {0.5f, -1, 0.25f}));
        return tensors;
    }

    /** A model file of {@link #linear} with {@link #weights}, as a run writes it. */
    static Path write(Path file, Loss loss, List<String> names) throws IOException {
        ModelFile.write(file, linear("Known"), new FeatureVector(2), loss, names, "best", 1, Map.of(), weights());
        return file;
    }

    private static float sigmoid(float logit) {
        return (float) (1 / (1 + Math.exp(-logit)));
    }

    @Test
    void threeYesNoTasksAreThreeIndependentSigmoidsNotASoftmax() throws Exception {
        List<String> tasks = List.of("NR-AR", "SR-p53", "SR,MMP");
        Path file = write(directory.resolve("tasks.lamina.safetensors"), Loss.BCE_WITH_LOGITS, tasks);
        try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
            assertEquals(TaskKind.BINARY, model.kind());
            assertEquals(tasks, model.outputNames());
            float[] p = model.predictOutputs(INPUT);
            assertEquals(3, p.length);
            for (int t = 0; t < 3; t++) {
                assertEquals(sigmoid(LOGITS[t]), p[t], 1e-6, "task " + t);
            }
            assertEquals(0.8175745f, p[0], 1e-6);
            assertTrue(p[0] + p[1] + p[2] > 2, "independent probabilities, not a softmax summing to 1");
            assertArrayEquals(p, model.predictOutputs(List.of(INPUT, INPUT))[1]);

            UnsupportedOperationException notOneClass =
                    assertThrows(UnsupportedOperationException.class, () -> model.predict(INPUT));
            assertEquals("the model predicts 3 yes/no tasks (NR-AR, SR-p53, SR,MMP), not one class; call"
                    + " predictOutputs(input) for the probability of each task (outputNames() names them)",
                    notOneClass.getMessage());

            try (BatchingPredictor<float[]> batching = new BatchingPredictor<>(model, 8, Duration.ofMillis(1))) {
                assertArrayEquals(p, batching.predictOutputs(INPUT));
                assertThrows(UnsupportedOperationException.class, () -> batching.predict(INPUT));
            }
        }
    }

    @Test
    void aRegressionGivesTheRawOutputs() throws IOException {
        Path file = write(directory.resolve("regression.lamina.safetensors"), Loss.MSE, List.of("logS", "mp", "bp"));
        try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
            assertEquals(TaskKind.REGRESSION, model.kind());
            assertArrayEquals(LOGITS, model.predictOutputs(INPUT));
            assertEquals(List.of("logS", "mp", "bp"), model.outputNames());
            assertTrue(assertThrows(UnsupportedOperationException.class, () -> model.predict(List.of(INPUT)))
                    .getMessage().startsWith("the model predicts 3 numbers (logS, mp, bp), not one class; call"
                            + " predictOutputs(input) for the predicted value of each target"));
        }
        for (Loss loss : List.of(Loss.L1, Loss.HUBER)) {
            Path unnamed = write(directory.resolve(loss + ".lamina.safetensors"), loss, List.of());
            try (LaminaModel<float[]> model = LaminaModel.load(unnamed, float[].class)) {
                assertArrayEquals(LOGITS, model.predictOutputs(INPUT), loss.name());
                assertEquals(List.of("0", "1", "2"), model.outputNames());
                assertFalse(model.outputs().named());
            }
        }
    }

    @Test
    void classNamesComeBackInPredictions() throws Exception {
        List<String> animals = List.of("cat", "dog", "bird");
        Path file = write(directory.resolve("classes.lamina.safetensors"), Loss.CROSS_ENTROPY, animals);
        double total = 0;
        for (float logit : LOGITS) {
            total += Math.exp(logit);
        }
        try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
            assertEquals(TaskKind.CLASSES, model.kind());
            assertEquals(animals, model.outputNames());
            assertEquals(new ModelOutputs(TaskKind.CLASSES, 3, animals), model.contents().outputs());
            Prediction prediction = model.predict(INPUT);
            assertEquals(0, prediction.predictedClass());
            assertEquals("cat", prediction.predictedName());
            assertEquals(animals, prediction.classNames());
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(LOGITS[k]) / total, prediction.probability(k), 1e-6, "class " + k);
            }
            assertEquals(prediction.probability(1), prediction.probability("dog"));
            assertArrayEquals(prediction.probabilities(), model.predictOutputs(INPUT));
            assertEquals("no class is named 'cow'; the classes are [cat, dog, bird]",
                    assertThrows(IllegalArgumentException.class, () -> prediction.probability("cow")).getMessage());
            try (BatchingPredictor<float[]> batching = new BatchingPredictor<>(model, 8, Duration.ofMillis(1))) {
                assertEquals(prediction, batching.predict(INPUT));
            }
        }
        Path unnamed = write(directory.resolve("digits.lamina.safetensors"), Loss.CROSS_ENTROPY, List.of());
        try (LaminaModel<float[]> model = LaminaModel.load(unnamed, float[].class)) {
            Prediction prediction = model.predict(INPUT);
            assertEquals("0", prediction.predictedName());
            assertFalse(prediction.named());
        }
    }

    @Test
    void aNetworkEndingInSigmoidKeepsItsProbabilities() throws IOException {
        Architecture architecture = Architecture.builder("Squashed", 2)
                .stage("out", new LinearSpec(2, 3), new SigmoidSpec()).build();
        Path file = directory.resolve("squashed.lamina.safetensors");
        ModelFile.write(file, architecture, new FeatureVector(2), Loss.BCE_WITH_LOGITS, List.of(), "best", 1, Map.of(),
                weights());
        try (LaminaModel<float[]> model = LaminaModel.load(file, float[].class)) {
            float[] p = model.predictOutputs(INPUT);
            for (int t = 0; t < 3; t++) {
                assertEquals(sigmoid(LOGITS[t]), p[t], 1e-6, "one sigmoid, not two");
            }
        }
    }

    @Test
    void aModelFileWithoutOutputsLoadsAsItsLossSays() throws IOException {
        Path file = write(directory.resolve("new.lamina.safetensors"), Loss.BCE_WITH_LOGITS, List.of("a", "b", "c"));
        SafeTensors.Contents contents = SafeTensors.read(file);
        assertEquals("{\"kind\":\"binary\",\"names\":[\"a\",\"b\",\"c\"]}", contents.metadata().get(ModelFile.OUTPUTS));
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        metadata.remove(ModelFile.OUTPUTS);
        Path old = directory.resolve("old.lamina.safetensors");
        SafeTensors.write(old, metadata, contents.tensors());
        try (LaminaModel<float[]> model = LaminaModel.load(old, float[].class)) {
            assertEquals(new ModelOutputs(TaskKind.BINARY, 3, List.of()), model.outputs());
            assertEquals(List.of("0", "1", "2"), model.outputNames());
            float[] p = model.predictOutputs(INPUT);
            for (int t = 0; t < 3; t++) {
                assertEquals(sigmoid(LOGITS[t]), p[t], 1e-6, "an old file's three tasks are three sigmoids too");
            }
        }
    }

    @Test
    void namesThatDoNotFitTheOutputsAreRefused() throws IOException {
        Path file = write(directory.resolve("good.lamina.safetensors"), Loss.BCE_WITH_LOGITS, List.of());
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{\"kind\":\"binary\",\"names\":[\"a\",\"b\"]}",
                "its outputs have 2 names, but the network has 3 outputs");
        refusals.put("{\"kind\":\"binary\",\"names\":[\"a\",\"b\",\"c\",\"d\"]}",
                "its outputs have 4 names, but the network has 3 outputs");
        refusals.put("{\"kind\":\"binary\",\"names\":[\"a\",7,\"c\"]}", "its output names must be strings, not 7");
        refusals.put("{\"kind\":\"regression\",\"names\":[]}",
                "its outputs are of kind 'regression', but its loss BCE_WITH_LOGITS predicts binary");
        refusals.put("{\"kind\":\"binary\",\"names\":[\"a\",\"a\",\"c\"]}", "the output name 'a' appears twice");
        refusals.put("{\"kind\":\"binary\",\"names\":[\"a\",\"b\\nc\",\"d\"]}", "the output name 'b?c' is not a usable"
                + " name (1 to 200 characters, not blank, no control characters)");
        refusals.put("[\"a\",\"b\",\"c\"]", "its outputs are not {\"kind\": ..., \"names\": [...]}");
        int i = 0;
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
            metadata.put(ModelFile.OUTPUTS, refusal.getKey());
            Path bad = directory.resolve("bad" + i++ + ".lamina.safetensors");
            SafeTensors.write(bad, metadata, contents.tensors());
            ModelFileException e = assertThrows(ModelFileException.class, () -> LaminaModel.load(bad, float[].class));
            assertEquals("the model file " + bad + " cannot be used: " + refusal.getValue(), e.getMessage());
        }
        IllegalArgumentException unwritable = assertThrows(IllegalArgumentException.class,
                () -> write(directory.resolve("never.lamina.safetensors"), Loss.CROSS_ENTROPY, List.of("cat", "dog")));
        assertEquals("2 output names for 3 outputs (the names must be one per class)", unwritable.getMessage());
    }
}
