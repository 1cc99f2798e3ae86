package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.ModelFile;
import dev.lamina.runtime.model.Prediction;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A molecule model predicts from SMILES, fingerprinting them as its data source did for training. */
class SmilesModelTest {

    @TempDir
    Path directory;

    @Test
    void aMoleculeModelPredictsFromSmilesAsTheNetworkPredictsTheirFingerprints() throws Exception {
        Architecture architecture = Architecture.builder("Toxicity", 256)
                .stage("hidden", new LinearSpec(256, 16), new ReLUSpec())
                .stage("logit", new LinearSpec(16, 1))
                .build();
        SmilesFingerprint fingerprint = SmilesData.tsv().fingerprint(EcfpClass.ECFP4, 256).preprocessing();
        assertEquals(new SmilesFingerprint(EcfpClass.ECFP4, 256), fingerprint);
        Path file = directory.resolve(ModelFile.fileName("Toxicity"));
        List<String> molecules = List.of("CC(=O)O", "c1ccccc1O", "CCN(CC)CC");
        float[][] bits = new float[molecules.size()][];
        CircularFingerprints reference = new CircularFingerprints(EcfpClass.ECFP4, 256);
        for (int i = 0; i < bits.length; i++) {
            bits[i] = reference.bits(molecules.get(i));
        }
        float[][] expected;
        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 4)) {
            ModelFile.write(file, architecture, fingerprint, Loss.BCE_WITH_LOGITS, "last", 1, Map.of(),
                    network.parameterTensors());
            expected = network.predictProbabilities(bits);
        }
        try (LaminaModel<String> model = LaminaModel.load(file, String.class)) {
            List<Prediction> predictions = model.predict(molecules);
            for (int i = 0; i < molecules.size(); i++) {
                assertEquals(expected[i][0], predictions.get(i).probability(1), molecules.get(i));
            }
            assertEquals(Map.of("class", "ECFP4", "bits", 256L), model.contents().preprocessing().parameters()
                    .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue() instanceof Integer n ? (Object) n.longValue() : e.getValue())));
            InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> model.predict("C1CC("));
            assertTrue(invalid.getMessage().contains("C1CC("), invalid.getMessage());
        }
    }
}
