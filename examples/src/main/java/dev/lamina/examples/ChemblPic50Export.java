package dev.lamina.examples;

import dev.lamina.dsl.SplitMethod;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSplitter;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.SplitSets;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes what the PyTorch reference ({@code reference/chembl-pic50-regression/train_reference.py}) trains on, so
 * that it sees exactly Lamina's inputs: the CDK fingerprints {@link ChemblPic50Data} computes, its targets, and the
 * rows of the random splits {@code @Split(validation = 0.1, test = 0.1)} makes for seeds 1, 2 and 3.
 *
 * <pre>
 * java -cp ... dev.lamina.examples.ChemblPic50Export [examples directory] [output directory]
 * </pre>
 *
 * Files: {@code fingerprints.npy} (uint8, n x 2048, 0 or 1), {@code targets.npy} (float32, n: the float labels
 * Lamina trains on) and {@code splits.json} (per seed the row indices of train, validation and test).
 *
 * <p>The splits come from the trainer's own {@link DataSplitter}, applied to a data set whose only feature is
 * the row index, so they are the rows a Lamina run with that seed uses. Its algorithm, for a port: {@code order}
 * = the list 0..n-1 shuffled with {@code Collections.shuffle(order, new Random(seed))}; test = the first
 * ceil(0.1 n) entries, validation = the next ceil(0.1 n), train = the rest, each in shuffled order.
 */
public final class ChemblPic50Export {

    public static final double VALIDATION = 0.1;
    public static final double TEST = 0.1;
    public static final long[] SEEDS = {1, 2, 3};

    private ChemblPic50Export() {}

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args.length > 0 ? args[0] : "examples").toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "reference/chembl-pic50-regression/export");
        TrainTestData data = new ChemblPic50Data().load(new DataContext(examples));
        Dataset all = data.train();
        Files.createDirectories(out);
        writeFingerprints(out.resolve("fingerprints.npy"), all);
        writeTargets(out.resolve("targets.npy"), all.labels());
        Files.writeString(out.resolve("splits.json"), splitsJson(all.size()), StandardCharsets.UTF_8);
        System.out.println("wrote " + all.size() + " molecules of " + all.sampleSize() + " bits and their splits"
                + " for seeds " + Arrays.toString(SEEDS) + " to " + out.toAbsolutePath());
    }

    /** The rows of each set for one seed, as Lamina's trainer splits {@code size} samples. */
    static SplitSets splitRows(int size, long seed) {
        float[] rowIndex = new float[size]; // exact: sizes stay far below 2^24
        for (int i = 0; i < size; i++) {
            rowIndex[i] = i;
        }
        Dataset rows = Dataset.of("row indices", rowIndex, new long[] {1}, new float[size]);
        return DataSplitter.split(rows, SplitMethod.RANDOM, VALIDATION, TEST, seed);
    }

    private static String splitsJson(int size) {
        StringBuilder json = new StringBuilder();
        json.append("{\"size\": ").append(size).append(", \"method\": \"random\", \"validation\": ")
                .append(VALIDATION).append(", \"test\": ").append(TEST).append(", \"seeds\": {");
        for (int s = 0; s < SEEDS.length; s++) {
            SplitSets sets = splitRows(size, SEEDS[s]);
            json.append(s == 0 ? "" : ",").append("\n  \"").append(SEEDS[s]).append("\": {")
                    .append("\"train\": ").append(rows(Optional.of(sets.train())))
                    .append(",\n    \"validation\": ").append(rows(sets.validation()))
                    .append(",\n    \"test\": ").append(rows(sets.test())).append('}');
        }
        return json.append("\n}}\n").toString();
    }

    /** Row indices held as floats, as a JSON array of integers. */
    private static String rows(Optional<Dataset> set) {
        float[] indices = set.map(Dataset::features).orElse(new float[0]);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < indices.length; i++) {
            text.append(i == 0 ? "" : ", ").append((int) indices[i]);
        }
        return text.append(']').toString();
    }

    private static void writeFingerprints(Path file, Dataset all) throws IOException {
        float[] bits = all.features();
        byte[] body = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            body[i] = (byte) (bits[i] != 0f ? 1 : 0);
        }
        writeNpy(file, "|u1", new long[] {all.size(), all.sampleSize()}, body);
    }

    private static void writeTargets(Path file, float[] targets) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(targets.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(targets);
        writeNpy(file, "<f4", new long[] {targets.length}, body.array());
    }

    /**
     * NumPy's .npy format, version 1.0: the magic string, a little-endian uint16 header length, then a Python
     * dict literal padded with spaces and a newline so that the data starts at a multiple of 64 bytes.
     */
    static void writeNpy(Path file, String dtype, long[] shape, byte[] body) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': ("
                + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + dict.length() + 1;
        int headerLength = dict.length() + 1 + (64 - unpadded % 64) % 64;
        String padded = dict + " ".repeat(headerLength - dict.length() - 1) + "\n";
        byte[] header = padded.getBytes(StandardCharsets.US_ASCII);
        try (OutputStream stream = Files.newOutputStream(file)) {
            stream.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                    (byte) (headerLength & 0xff), (byte) (headerLength >>> 8)});
            stream.write(header);
            stream.write(body);
        }
    }
}
