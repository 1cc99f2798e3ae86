package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.chem.SmilesData;
import dev.lamina.runtime.chem.SmilesLoadResult;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.data.TrainTestSplit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vendored Tox21 SR-MMP file fingerprints with CDK and splits reproducibly. */
class Tox21SrMmpDataTest {

    private static final DataContext CONTEXT = new DataContext(Path.of("").toAbsolutePath());

    private static SmilesLoadResult molecules;

    @BeforeAll
    static void loadOnce() throws IOException {
        molecules = SmilesData.tsv().smiles("SMILES").label("activity").load(CONTEXT.resolve(Tox21SrMmpData.FILE));
    }

    @Test
    void cdkParsesEverySmilesWithAPlausibleNumberOfBits() {
        assertEquals(0, molecules.skippedCount());
        Dataset data = molecules.dataset();
        assertEquals(2246, data.size());
        assertEquals(1123, (int) sum(data.labels()));
        double meanBits = sum(data.features()) / data.size();
        System.out.printf("CDK ECFP4 (2048 bits) on sr-mmp.tab: %d of 2246 SMILES parsed, %.2f bits set per"
                + " molecule on average%n", data.size(), meanBits);
        // RDKit's Morgan radius 2 sets 28.69 on average: the same environments, so about as many bits.
        assertTrue(meanBits > 25 && meanBits < 33, "mean bits " + meanBits);
    }

    @Test
    void cdkAndRdkitCountTheSameEnvironmentsButSetOtherBits() throws IOException {
        List<String[]> rdkit = rdkitRows();
        Dataset data = molecules.dataset();
        double[] cdkCounts = new double[data.size()];
        double[] rdkitCounts = new double[data.size()];
        long sharedBits = 0;
        long unionBits = 0;
        for (int i = 0; i < data.size(); i++) {
            assertEquals(Float.parseFloat(rdkit.get(i)[1]), data.labels()[i], "row order, " + data.describeRow(i));
            TreeSet<Integer> rdkitBits = new TreeSet<>();
            for (String bit : rdkit.get(i)[2].split(",")) {
                rdkitBits.add(Integer.parseInt(bit));
            }
            TreeSet<Integer> cdkBits = new TreeSet<>();
            for (int bit = 0; bit < 2048; bit++) {
                if (data.features()[i * 2048 + bit] == 1f) {
                    cdkBits.add(bit);
                }
            }
            cdkCounts[i] = cdkBits.size();
            rdkitCounts[i] = rdkitBits.size();
            TreeSet<Integer> shared = new TreeSet<>(cdkBits);
            shared.retainAll(rdkitBits);
            sharedBits += shared.size();
            unionBits += cdkBits.size() + rdkitBits.size() - shared.size();
        }
        double correlation = correlation(cdkCounts, rdkitCounts);
        double jaccard = (double) sharedBits / unionBits;
        System.out.printf("CDK vs RDKit per-molecule on-bit counts: correlation %.4f; bit positions shared: %.3f%n",
                correlation, jaccard);
        assertTrue(correlation > 0.99, "correlation " + correlation);
        assertTrue(jaccard < 0.1, "bit positions should differ (different hashing), Jaccard " + jaccard);
    }

    @Test
    void splitsEightyTwentyReproduciblyWithoutLosingARow() throws IOException {
        TrainTestData split = new Tox21SrMmpData().load(CONTEXT);
        // The same split again from an independent load (fingerprinting all molecules twice costs seconds).
        TrainTestData again = TrainTestSplit.split(molecules.dataset(), 0.2, 1234);

        assertEquals(1796, split.train().size());
        assertEquals(450, split.test().size());
        assertArrayEquals(new long[] {2048}, split.train().sampleShape());
        assertArrayEquals(again.test().features(), split.test().features());
        assertArrayEquals(again.train().labels(), split.train().labels());
        assertEquals(again.test().describeRow(0), split.test().describeRow(0));
        for (float value : split.train().features()) {
            assertTrue(value == 0f || value == 1f);
        }
        TreeSet<Integer> lines = new TreeSet<>();
        for (Dataset side : List.of(split.train(), split.test())) {
            for (int i = 0; i < side.size(); i++) {
                String row = side.describeRow(i);
                lines.add(Integer.parseInt(row.substring(row.lastIndexOf(' ') + 1)));
            }
        }
        assertEquals(2246, lines.size());
        assertEquals(2, lines.first());
        assertEquals(2247, lines.last());
    }

    private static List<String[]> rdkitRows() throws IOException {
        Path file = CONTEXT.resolve("data/tox21/sr-mmp.morgan2-2048.rdkit.tsv.gz");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split("\t", -1)).toList();
        }
    }

    private static double correlation(double[] x, double[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i] / x.length;
            meanY += y[i] / y.length;
        }
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += (x[i] - meanX) * (y[i] - meanY);
            xx += (x[i] - meanX) * (x[i] - meanX);
            yy += (y[i] - meanY) * (y[i] - meanY);
        }
        return xy / Math.sqrt(xx * yy);
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
