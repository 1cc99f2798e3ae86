package dev.lamina.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The raw inputs predictions start from, as a service receives them: MNIST test images as their 784 pixel
 * values 0..255 (unscaled: the model file's scaler runs in every prediction), Tox21 molecules as SMILES
 * strings (the model fingerprints each one). The Python side reads the same files in the same order.
 */
final class RawInputs {

    static final String MNIST_TEST = "examples/data/mnist/mnist_test.csv.gz";
    static final String TOX21 = "examples/data/tox21/sr-mmp.tab";

    private RawInputs() {}

    /** Every image of the MNIST test CSV (label first, then 784 pixels), the label dropped. */
    static List<float[]> mnistPixels(Path repoRoot) throws IOException {
        List<float[]> images = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(repoRoot.resolve(MNIST_TEST))), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                if (cells.length != 785 || !Character.isDigit(cells[0].charAt(0))) {
                    continue;   // a header
                }
                float[] pixels = new float[784];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = Float.parseFloat(cells[i + 1]);
                }
                images.add(pixels);
            }
        }
        return images;
    }

    /** The SMILES column of the Tox21 table, in file order. */
    static List<String> tox21Smiles(Path repoRoot) throws IOException {
        List<String> lines = Files.readAllLines(repoRoot.resolve(TOX21), StandardCharsets.UTF_8);
        int column = Arrays.asList(lines.get(0).split("\t")).indexOf("SMILES");
        List<String> smiles = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            if (cells.length > column && !cells[column].isBlank()) {
                smiles.add(cells[column]);
            }
        }
        return smiles;
    }
}
