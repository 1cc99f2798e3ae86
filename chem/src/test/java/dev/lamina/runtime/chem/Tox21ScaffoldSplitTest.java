package dev.lamina.runtime.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.SplitMethod;
import dev.lamina.runtime.data.DataSplitter;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.SplitSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scaffold split on the real Tox21 SR-MMP molecules vendored for the examples. */
class Tox21ScaffoldSplitTest {

    private static final Path FILE = Path.of("../examples/data/tox21/sr-mmp.tab");

    private static Dataset molecules;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isRegularFile(FILE), FILE.toAbsolutePath() + " is missing");
        molecules = SmilesData.tsv().smiles("SMILES").label("activity").load(FILE).dataset();
    }

    private static Set<String> scaffolds(Dataset set) {
        return new HashSet<>(Arrays.asList(set.groups().orElseThrow()));
    }

    @Test
    void everyScaffoldLiesInOneSetAndTheSetsComeCloseToTheirShares() {
        assertEquals(2246, molecules.size());
        for (long seed = 1; seed <= 3; seed++) {
            SplitSets sets = DataSplitter.split(molecules, SplitMethod.SCAFFOLD, 0.1, 0.1, seed);
            Dataset train = sets.train();
            Dataset validation = sets.validation().orElseThrow();
            Dataset test = sets.test().orElseThrow();

            assertEquals(2246, train.size() + validation.size() + test.size());
            assertTrue(train.size() <= 2246 - 225 - 225 && train.size() > 1750, "train " + train.size());
            assertTrue(validation.size() <= 225 && validation.size() > 200, "validation " + validation.size());
            Set<String> trainScaffolds = scaffolds(train);
            Set<String> validationScaffolds = scaffolds(validation);
            Set<String> testScaffolds = scaffolds(test);
            assertTrue(trainScaffolds.contains("c1ccccc1")); // benzene, the largest group, goes first
            assertTrue(trainScaffolds.contains("")); // the acyclic molecules, one group
            assertTrue(disjoint(trainScaffolds, testScaffolds) && disjoint(trainScaffolds, validationScaffolds)
                    && disjoint(validationScaffolds, testScaffolds));
        }
    }

    @Test
    void seedsGiveDifferentTestSets() {
        Set<String> one = scaffolds(DataSplitter.split(molecules, SplitMethod.SCAFFOLD, 0.1, 0.1, 1).test()
                .orElseThrow());
        Set<String> two = scaffolds(DataSplitter.split(molecules, SplitMethod.SCAFFOLD, 0.1, 0.1, 2).test()
                .orElseThrow());
        assertFalse(one.equals(two));
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
    }
}
