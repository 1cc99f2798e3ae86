package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MurckoScaffoldsTest {

    private final CircularFingerprints molecules = new CircularFingerprints();

    private String scaffold(String smiles) throws SmilesException {
        return molecules.describe(smiles).scaffold();
    }

    private String key(String smiles) throws SmilesException {
        return molecules.describe(smiles).uniqueSmiles();
    }

    @Test
    void ibuprofensScaffoldIsBenzene() throws SmilesException {
        assertEquals("c1ccccc1", scaffold("CC(C)Cc1ccc(cc1)C(C)C(=O)O"));
        assertEquals("c1ccccc1", scaffold("CC1=CC=CC=C1")); // toluene, written Kekulé
    }

    @Test
    void moleculesWithoutRingsShareTheEmptyScaffold() throws SmilesException {
        assertEquals("", scaffold("CCO"));
        assertEquals("", scaffold("CCCCCCCCCC(=O)O"));
    }

    @Test
    void moleculesOnOneRingSystemShareItsKeyAndOthersDoNot() throws SmilesException {
        String naphthalene = scaffold("c1ccc2ccccc2c1");
        assertEquals(naphthalene, scaffold("Cc1ccc2ccccc2c1"));
        assertEquals(naphthalene, scaffold("OC(=O)c1ccc2cc(N)ccc2c1"));
        assertNotEquals(naphthalene, scaffold("Cc1ccccc1"));
        assertNotEquals(naphthalene, scaffold("c1ccc(cc1)-c1ccccc1")); // biphenyl: two rings, no fusion
    }

    @Test
    void keepsLinkersBetweenRingsAndDropsSideChains() throws SmilesException {
        String bibenzyl = scaffold("c1ccc(CCc2ccccc2)cc1");
        assertEquals(bibenzyl, scaffold("CCCc1ccc(CCc2ccc(O)cc2)cc1"));
        assertEquals(14, bibenzyl.chars().filter(c -> c == 'c' || c == 'C').count());
    }

    @Test
    void keepsAtomsDoublyBondedToTheScaffoldAsRdkitDoes() throws SmilesException {
        // N-methylpyrrolidone: the methyl goes, the ring's carbonyl oxygen stays.
        assertEquals(scaffold("O=C1CCCN1"), scaffold("CN1CCCC1=O"));
        assertTrue(scaffold("CN1CCCC1=O").contains("O"));
    }

    @Test
    void givesAnAtomThatLostItsSubstituentAHydrogen() throws SmilesException {
        assertEquals(scaffold("c1cc[nH]c1"), scaffold("Cn1cccc1")); // else an aromatic 'n' without H
        assertEquals("c1cc[nH]c1", scaffold("Cn1cccc1"));
    }

    @Test
    void keysTheSameMoleculeWrittenDifferentlyAlikeAndStereoisomersToo() throws SmilesException {
        assertEquals(key("CCO"), key("OCC"));
        assertEquals(key("Oc1ccccc1"), key("OC1=CC=CC=C1"));
        assertEquals(key("C[C@H](N)O"), key("C[C@@H](N)O")); // the fingerprint cannot tell them apart either
        assertNotEquals(key("CCO"), key("CCN"));
    }

    @Test
    void describingDoesNotChangeTheFingerprint() throws SmilesException {
        String ibuprofen = "CC(C)Cc1ccc(cc1)C(C)C(=O)O";
        assertEquals(java.util.Arrays.toString(molecules.setBits(ibuprofen)),
                java.util.Arrays.toString(molecules.describe(ibuprofen).setBits()));
    }
}
