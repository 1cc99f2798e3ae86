package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CircularFingerprintsTest {

    private static final String ASPIRIN = "CC(=O)Oc1ccccc1C(=O)O";

    @Test
    void countsOneBitPerDistinctAtomEnvironment() throws SmilesException {
        CircularFingerprints ecfp4 = new CircularFingerprints();
        // Benzene: all six atoms are alike, so one environment per radius 0, 1, 2.
        assertEquals(3, ecfp4.setBits("c1ccccc1").length);
        // Ethanol: three atoms at radius 0 and three at radius 1; radius 2 repeats the whole molecule, which ECFP drops.
        assertEquals(6, ecfp4.setBits("CCO").length);
        assertEquals(1, ecfp4.setBits("C").length);
        // Radius 1 (ECFP2) gives benzene two environments, radius 3 (ECFP6) four.
        assertEquals(2, new CircularFingerprints(EcfpClass.ECFP2, 2048).setBits("c1ccccc1").length);
        assertEquals(4, new CircularFingerprints(EcfpClass.ECFP6, 2048).setBits("c1ccccc1").length);
    }

    @Test
    void largerDiametersAddBitsToTheSmallerOnes() throws SmilesException {
        Set<Integer> ecfp2 = bitSet(new CircularFingerprints(EcfpClass.ECFP2, 2048).setBits(ASPIRIN));
        Set<Integer> ecfp4 = bitSet(new CircularFingerprints(EcfpClass.ECFP4, 2048).setBits(ASPIRIN));
        Set<Integer> ecfp6 = bitSet(new CircularFingerprints(EcfpClass.ECFP6, 2048).setBits(ASPIRIN));

        assertTrue(ecfp4.containsAll(ecfp2) && ecfp6.containsAll(ecfp4));
        assertTrue(ecfp2.size() < ecfp4.size() && ecfp4.size() < ecfp6.size(), ecfp2 + " " + ecfp4 + " " + ecfp6);
    }

    @Test
    void bitsAreZeroOneArraysOfTheChosenLengthFoldedByModulo() throws SmilesException {
        CircularFingerprints wide = new CircularFingerprints();
        CircularFingerprints narrow = new CircularFingerprints(EcfpClass.ECFP4, 1024);

        float[] bits = wide.bits(ASPIRIN);
        assertEquals(2048, bits.length);
        int[] setBits = wide.setBits(ASPIRIN);
        assertEquals(setBits.length, (int) sum(bits));
        for (int index : setBits) {
            assertEquals(1f, bits[index]);
        }
        // The same hashes folded into 1024 bits: every 2048-bit index modulo 1024.
        Set<Integer> folded = Arrays.stream(setBits).map(i -> i % 1024).boxed().collect(Collectors.toSet());
        assertEquals(folded, bitSet(narrow.setBits(ASPIRIN)));
        assertEquals(1024, narrow.bits(ASPIRIN).length);
    }

    @Test
    void aromaticAndKekuleSmilesOfOneMoleculeAgree() throws SmilesException {
        CircularFingerprints ecfp4 = new CircularFingerprints();
        assertArrayEquals(ecfp4.setBits("c1ccccc1O"), ecfp4.setBits("OC1=CC=CC=C1"));
        assertArrayEquals(ecfp4.setBits("OCC"), ecfp4.setBits("CCO"));
    }

    @Test
    void invalidSmilesSayWhatIsWrong() {
        CircularFingerprints ecfp4 = new CircularFingerprints();
        assertEquals("'C1CC': CDK cannot parse it: Unclosed ring detected, SMILES may be truncated",
                assertThrows(SmilesException.class, () -> ecfp4.bits("C1CC")).getMessage());
        assertEquals("'XYZ': CDK cannot parse it: unexpected character",
                assertThrows(SmilesException.class, () -> ecfp4.bits("XYZ")).getMessage());
        assertEquals("' ': is empty", assertThrows(SmilesException.class, () -> ecfp4.bits(" ")).getMessage());
        assertEquals("a fingerprint needs a positive number of bits, got 0",
                assertThrows(IllegalArgumentException.class, () -> new CircularFingerprints(EcfpClass.ECFP4, 0))
                        .getMessage());
    }

    private static Set<Integer> bitSet(int[] bits) {
        return Arrays.stream(bits).boxed().collect(Collectors.toSet());
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
