package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Molecules that made CDK overflow its stack or search rings for half a minute: each is skipped with a
 * reason, in bounded time, and the load goes on.
 */
class HostileSmilesTest {

    @TempDir Path dir;

    /** The complete graph on {@code n} carbons, written with ring closures (reusing labels as they close). */
    static String completeGraph(int n) {
        StringBuilder smiles = new StringBuilder();
        int[][] label = new int[n][n];
        Deque<Integer> free = new ArrayDeque<>();
        for (int l = 1; l < 100; l++) {
            free.add(l);
        }
        for (int i = 0; i < n; i++) {
            smiles.append('C');
            for (int j = 0; j < i - 1; j++) {
                smiles.append(ringLabel(label[j][i]));
                free.addFirst(label[j][i]);
            }
            for (int j = i + 2; j < n; j++) {
                label[i][j] = free.removeFirst();
                smiles.append(ringLabel(label[i][j]));
            }
        }
        return smiles.toString();
    }

    private static String ringLabel(int label) {
        return label < 10 ? Integer.toString(label) : "%" + label;
    }

    @Test
    void aFiveThousandAtomChainIsSkippedWithItsSize() {
        SmilesException e = assertThrows(SmilesException.class, () -> new CircularFingerprints().bits("C".repeat(5000)));
        assertTrue(e.getMessage().contains("has 5000 atoms; Lamina fingerprints molecules of at most 1000"),
                e.getMessage());
        assertTrue(e.getMessage().length() < 200, "the SMILES is abbreviated: " + e.getMessage());
    }

    @Test
    void aDenselyBondedRingSystemIsSkippedQuickly() {
        String k18 = completeGraph(18);
        SmilesException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SmilesException.class, () -> new CircularFingerprints().bits(k18)));
        assertTrue(e.getMessage().contains("too densely bonded"), e.getMessage());
    }

    @Test
    void cagesAndFusedRingsStayWellInsideTheBudget() throws SmilesException {
        String[] molecules = {
            "C12C3C4C1C5C2C3C45", // cubane
            "C1C2CC3CC1CC(C2)C3", // adamantane
            "CC12CCC3C(C1CCC2O)CCC4=CC(=O)CCC34C", // testosterone
            "c1cc2ccc3cccc4c5cccc6ccc7cccc8c(c1)c2c3c4c8c7c65", // a large fused aromatic
        };
        for (String smiles : molecules) {
            assertTrue(new CircularFingerprints().setBits(smiles).length > 0, smiles);
        }
    }

    @Test
    void theStackOfTheCallingThreadDoesNotMatter() throws Exception {
        // A 1,000-atom chain from a 256 KB stack: CDK recurses per atom, but on its own deep stack. (Classes
        // are loaded first: loading them is deep too, and not what this is about.)
        CircularFingerprints fingerprints = new CircularFingerprints();
        fingerprints.setBits("C1CC1CCO");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<int[]> bits = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                bits.set(fingerprints.setBits("C".repeat(1000)));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 << 10);
        small.start();
        small.join(60_000);
        assertNull(failure.get());
        assertTrue(bits.get().length > 0);
    }

    @Test
    void theLoadSkipsThemWithReasonsAndKeepsTheRest() throws Exception {
        String content = "SMILES\tactivity\n"
                + "C".repeat(5000) + "\t1\n"
                + completeGraph(18) + "\t0\n"
                + "C".repeat(20_000) + "\t1\n"
                + "CCO\t1\n";
        Path file = ChemTestFiles.text(dir, "hostile.tab", content);
        SmilesLoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> SmilesData.tsv().smiles("SMILES").label("activity").load(file));
        assertEquals(1, result.dataset().size());
        assertEquals(3, result.skippedCount());
        assertTrue(result.skippedExamples().get(0).reason().contains("has 5000 atoms"));
        assertTrue(result.skippedExamples().get(1).reason().contains("too densely bonded"));
        assertTrue(result.skippedExamples().get(2).reason().contains("is 20000 characters long"));
    }

    @Test
    void aMoleculeOverTheTimeBudgetIsSkippedAndTheNextGoesToAFreshWorker() {
        // A 10-atom complete graph is inside the ring-path budget and takes CDK far more than a millisecond.
        CircularFingerprints fingerprints = new CircularFingerprints(EcfpClass.ECFP4, 2048, Duration.ofMillis(1));
        for (int attempt = 0; attempt < 2; attempt++) {
            SmilesException e = assertThrows(SmilesException.class, () -> fingerprints.bits(completeGraph(10)));
            assertTrue(e.getMessage().contains("CDK took more than 1 ms on it"), e.getMessage());
        }
    }

    @Test
    void aFingerprintLengthThatWouldFillTheHeapIsRefusedWhenChosen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmilesData.tsv().fingerprint(EcfpClass.ECFP4, Integer.MAX_VALUE));
        assertEquals("a fingerprint has at most 1048576 bits, got 2147483647", e.getMessage());
    }
}
