package dev.lamina.examples;

import dev.lamina.dsl.SplitMethod;
import dev.lamina.runtime.chem.MultiTaskLoadResult;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSplitter;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.SplitSets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the merged Tox21 data and Lamina's splits of it as {@code .npy} files, so that a PyTorch script trains
 * on exactly the molecules, fingerprints, labels and sets Lamina does:
 *
 * <pre>
 * X.npy         uint8 [n, 2048]   CDK ECFP4 bits
 * y.npy         float32 [n, 12]   0/1, NaN where missing
 * tasks.txt     the 12 task names, one a line, in column order
 * scaffolds.txt each molecule's Bemis-Murcko scaffold, one a line ("" for acyclic molecules)
 * splits/&lt;method&gt;_seed&lt;S&gt;_{train,val,test}.npy   int32 row indices, from DataSplitter (validation 0.1, test 0.1)
 * </pre>
 *
 * Usage: {@code Tox21Export <output directory>}, run with {@code -Dlamina.baseDir=examples}.
 */
public final class Tox21Export {

    static final double VALIDATION = 0.1;
    static final double TEST = 0.1;
    static final List<SplitMethod> METHODS = List.of(SplitMethod.RANDOM, SplitMethod.SCAFFOLD);
    static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    private Tox21Export() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Tox21Export <output directory>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.resolve("splits"));
        MultiTaskLoadResult molecules = Tox21Data.loadMolecules(DataContext.fromSystemProperties());
        System.out.println(molecules.summary());
        Dataset data = molecules.dataset();
        // Row indices ride along as the features of a copy, so each set says which rows it holds.
        Dataset numbered = numbered(data);
        int n = data.size();
        int width = data.sampleSize();
        byte[] bits = new byte[n * width];
        float[] features = data.features();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (byte) features[i];
        }
        NpyFiles.writeUint8(out.resolve("X.npy"), bits, n, width);
        NpyFiles.writeFloat32(out.resolve("y.npy"), data.labels(), n, data.labelWidth());
        Files.write(out.resolve("tasks.txt"), data.taskNames(), StandardCharsets.UTF_8);
        Files.write(out.resolve("scaffolds.txt"), List.of(data.groups().orElseThrow()), StandardCharsets.UTF_8);
        for (SplitMethod method : METHODS) {
            for (long seed : SEEDS) {
                SplitSets sets = DataSplitter.split(numbered, method, VALIDATION, TEST, seed);
                String prefix = method.name().toLowerCase() + "_seed" + seed + "_";
                NpyFiles.writeInt32(out.resolve("splits/" + prefix + "train.npy"), rows(sets.train()));
                NpyFiles.writeInt32(out.resolve("splits/" + prefix + "val.npy"), rows(sets.validation().orElseThrow()));
                NpyFiles.writeInt32(out.resolve("splits/" + prefix + "test.npy"), rows(sets.test().orElseThrow()));
                System.out.printf("%s seed %d: train %d, validation %d, test %d%n", method, seed,
                        sets.train().size(), sets.validation().orElseThrow().size(), sets.test().orElseThrow().size());
            }
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The same labels, task names and groups, with feature = row index: one float per sample. */
    private static Dataset numbered(Dataset data) {
        float[] index = new float[data.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return Dataset.multiTask(data.source(), index, new long[] {1}, data.labels(), data.taskNames(), null)
                .withGroups(data.groups().orElseThrow());
    }

    private static int[] rows(Dataset set) {
        float[] index = set.features();
        int[] rows = new int[index.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) index[i];
        }
        return rows;
    }
}
