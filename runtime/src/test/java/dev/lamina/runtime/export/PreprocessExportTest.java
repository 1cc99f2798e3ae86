package dev.lamina.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MinMaxScaler;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.SoftmaxSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * preprocess.py in PyTorch (Debian's python3-torch): {@code model(preprocess(raw))} gives Lamina's predictions
 * from the same raw input, within 1e-5, including a constant column (scale 1) and values outside the training
 * range.
 */
class PreprocessExportTest {

    private static final String PYTHON = System.getProperty("lamina.python", "/usr/bin/python3");

    @TempDir
    Path directory;

    @Test
    void modelOfPreprocessOfRawInputGivesLaminasPredictions() throws Exception {
        Random random = new Random(5);
        int width = 6;
        float[] train = new float[50 * width];
        for (int i = 0; i < train.length; i++) {
            // Column 3 constant; the others on scales far from [0, 1].
            train[i] = i % width == 3 ? 7f : (float) (1000 * (i % width) + 300 * random.nextGaussian());
        }
        MinMaxScaler scaler = MinMaxScaler.fit(Dataset.of("train", train, new long[] {width}, new float[50]));
        float[][] raw = new float[8][width];
        for (float[] sample : raw) {
            for (int i = 0; i < width; i++) {
                sample[i] = (float) (1000 * i + 600 * random.nextGaussian()) + (i == 3 ? 2 : 0);
            }
        }
        Architecture architecture = Architecture.builder("Scaled", width)
                .stage("out", new LinearSpec(width, 3), new SoftmaxSpec())
                .build();
        float[][] expected;
        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 3)) {
            float[][] scaled = new float[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                scaled[i] = scaler.apply(raw[i]);
            }
            expected = network.predictOutputs(scaled);
            PyTorchExport.write(network, null, directory, scaler);
        }
        String source = Files.readString(directory.resolve(PyTorchExport.PREPROCESS));
        assertTrue(source.contains("KIND = \"min-max\"\nFEATURES = 6\n"), source);

        StringBuilder rows = new StringBuilder("[");
        for (float[] sample : raw) {
            rows.append("[");
            for (float value : sample) {
                rows.append(String.format(Locale.ROOT, "%.9g,", value));
            }
            rows.append("],");
        }
        rows.append("]");
        String script = String.join("\n",
                "import sys, torch",
                "sys.path.insert(0, " + PythonNames.string(directory.toString()) + ")",
                "from model import Scaled",
                "from preprocess import preprocess",
                "model = Scaled.load()",
                "with torch.no_grad():",
                "    out = model(preprocess(torch.tensor(" + rows + ", dtype=torch.float32)))",
                "for row in out.tolist():",
                "    print(' '.join(repr(v) for v in row))");
        List<String> lines = python(script);
        assertEquals(raw.length, lines.size(), String.join("\n", lines));
        for (int i = 0; i < raw.length; i++) {
            String[] values = lines.get(i).trim().split(" ");
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[i][k], Double.parseDouble(values[k]), 1e-5, "sample " + i + ", output " + k);
            }
        }
    }

    private List<String> python(String script) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " not found; this test needs Debian's python3-torch, as CI installs it");
        }
        Path file = directory.resolve("check.py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(PYTHON, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("python timed out\n" + output);
        }
        assertEquals(0, process.exitValue(), output);
        List<String> lines = new ArrayList<>();
        output.lines().filter(line -> !line.isBlank()).forEach(lines::add);
        return lines;
    }
}
