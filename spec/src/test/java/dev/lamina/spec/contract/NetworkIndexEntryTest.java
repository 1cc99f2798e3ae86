package dev.lamina.spec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NetworkIndexEntryTest {

    private static final NetworkIndexEntry MLP = new NetworkIndexEntry("MnistMlp", "com.acme.MnistMlp",
            "com.acme.MnistMlpNetwork", Optional.of("com.acme.MnistMlpTrainer"), List.of(10L), "CROSS_ENTROPY",
            List.of(0.2, 0.2), true, NetworkTestSettings.DEFAULTS);

    @Test
    void writesSortedKeysWithoutTimestamp() {
        assertEquals("""
                # Written by the Lamina annotation processor.
                batchNorm=true
                class=com.acme.MnistMlp
                dropout=0.2,0.2
                loss=CROSS_ENTROPY
                name=MnistMlp
                network=com.acme.MnistMlpNetwork
                output=10
                tests.batchSize=32
                tests.enabled=true
                tests.steps=20
                tests.tolerance=1.0E-5
                trainer=com.acme.MnistMlpTrainer
                """, MLP.write());
    }

    @Test
    void parsesWhatItWrites() {
        assertEquals(MLP, NetworkIndexEntry.parse(MLP.write()));
        NetworkIndexEntry untrained = new NetworkIndexEntry("odd\\name", "Frozen", "FrozenNetwork", Optional.empty(),
                List.of(1L, 28L, 28L), "BCE_WITH_LOGITS", List.of(), false, new NetworkTestSettings(false, 4, 1, 0));
        assertEquals(untrained, NetworkIndexEntry.parse(untrained.write()));
        assertEquals("Frozen", untrained.simpleClassName());
    }

    @Test
    void aMissingKeyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkIndexEntry.parse(NetworkIndexKeys.NAME + "=MnistMlp\n"));
        assertTrue(e.getMessage().contains("'" + NetworkIndexKeys.USER_CLASS + "'"), e.getMessage());
    }

    @Test
    void theListIsSortedAndSkipsBlankLines() {
        String text = NetworkIndexFiles.listText(List.of("b.B", "a.A"));
        assertEquals("a.A\nb.B\n", text);
        assertEquals(List.of("a.A", "b.B"), NetworkIndexFiles.parseList(text + "\n \n"));
        assertEquals("META-INF/lamina/networks/a.A.properties", NetworkIndexFiles.entryPath("a.A"));
    }
}
