package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.chem.EcfpClass;
import dev.lamina.runtime.chem.SmilesFingerprint;
import dev.lamina.runtime.data.FeatureVector;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.ModelFile;
import dev.lamina.runtime.model.ModelFileException;
import dev.lamina.runtime.model.Prediction;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model classes the compiler generates from each network's data source: typed by its raw input
 * ({@code float[]} pixels for MNIST, {@code String} SMILES for Tox21) and refusing another network's model.
 */
class TypedModelsTest {

    @TempDir
    Path directory;

    @Test
    void mnistModelsPredictFromPixelsAndTox21ModelsFromSmiles() throws Exception {
        Path mnist = directory.resolve(ModelFile.fileName("MnistMlp"));
        Path tox21 = directory.resolve(ModelFile.fileName("Tox21SrMmp"));
        float[] pixels = new float[784];
        pixels[300] = 1;
        float[] expected;
        try (LaminaNetwork network = LaminaNetwork.create(MnistMlpNetwork.ARCHITECTURE, Device.cpu(), 1)) {
            ModelFile.write(mnist, network.architecture(), new FeatureVector(784), Loss.CROSS_ENTROPY, "last", 1,
                    Map.of(), network.parameterTensors());
            expected = network.predictProbabilities(new float[][] {pixels})[0];
        }
        try (LaminaNetwork network = LaminaNetwork.create(Tox21SrMmpNetwork.ARCHITECTURE, Device.cpu(), 2)) {
            ModelFile.write(tox21, network.architecture(), new SmilesFingerprint(EcfpClass.ECFP4, 2048),
                    Loss.BCE_WITH_LOGITS, "best", 1, Map.of(), network.parameterTensors());
        }

        try (LaminaModel<float[]> model = MnistMlpModel.load(mnist)) {
            Prediction prediction = model.predict(pixels);
            assertArrayEquals(expected, prediction.probabilities());
        }
        try (LaminaModel<String> model = Tox21SrMmpModel.load(tox21)) {
            float active = model.predict("CC(=O)Oc1ccccc1C(=O)O").probability(1);
            assertEquals(active, model.predict("CC(=O)Oc1ccccc1C(=O)O").probability(1));
        }
        ModelFileException other = assertThrows(ModelFileException.class, () -> MnistMlpModel.load(tox21));
        assertEquals(tox21 + " is a model of network Tox21SrMmp, not of MnistMlp; pass MnistMlp.lamina.safetensors"
                + " from a run of MnistMlp", other.getMessage());
    }
}
