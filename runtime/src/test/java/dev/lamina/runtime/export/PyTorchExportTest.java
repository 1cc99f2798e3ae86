package dev.lamina.runtime.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.layers.AvgPool2dSpec;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.DropoutSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.GELUSpec;
import dev.lamina.spec.layers.LeakyReLUSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;
import dev.lamina.spec.layers.SigmoidSpec;
import dev.lamina.spec.layers.SoftmaxSpec;
import dev.lamina.spec.layers.TanhSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported model.py is the same network in PyTorch: it loads Lamina's safetensors file strictly and
 * gives Lamina's outputs. The PyTorch side runs in Debian's python3-torch ({@code /usr/bin/python3}, or
 * the system property {@code lamina.python}) with src/test/python/export_check.py.
 */
class PyTorchExportTest {

    private static final double TOLERANCE = 1e-5;
    private static final String PYTHON = System.getProperty("lamina.python", "/usr/bin/python3");
    private static final Pattern DIFFERENCE = Pattern.compile("(?m)^max_abs_difference (\\S+) (\\S+)$");
    private static final Pattern BATCH_NORMS = Pattern.compile("(?m)^batch_norm_classes ?(.*)$");

    @TempDir Path directory;

    /** The BatchNorm classes export_check.py found in the last checked model (class/PyTorch base). */
    private String checkedBatchNorms;

    /** The course's seed network: 784-300-BN-ReLU-Drop(0.2)-300-BN-ReLU-Drop(0.2)-10. */
    static Architecture seed() {
        return Architecture.builder("MnistMlp", 784)
                .stage("hidden1",
                        new LinearSpec(784, 300), new BatchNormSpec(300, 1e-5, 0.1), new ReLUSpec(), new DropoutSpec(0.2))
                .stage("hidden2",
                        new LinearSpec(300, 300), new BatchNormSpec(300, 1e-5, 0.1), new ReLUSpec(), new DropoutSpec(0.2))
                .stage("logits", new LinearSpec(300, 10))
                .build();
    }

    /**
     * Every layer kind, BatchNorm with non-default eps and momentum, stages without a Linear, a Softmax in
     * the middle and one logit out.
     */
    static Architecture everyKind(double dropout) {
        return Architecture.builder("EveryKind", 20)
                .stage("features",
                        new LinearSpec(20, 16), new BatchNormSpec(16, 1e-3, 0.3), new LeakyReLUSpec(0.2),
                        new DropoutSpec(dropout))
                .stage("smooth", new LinearSpec(16, 16), new GELUSpec())
                .stage("squash", new LinearSpec(16, 12), new TanhSpec())
                .stage("gate",
                        new LinearSpec(12, 10), new BatchNormSpec(10, 1e-5, 0.1), new SigmoidSpec(),
                        new DropoutSpec(dropout / 2))
                .stage("norm", new BatchNormSpec(10, 0.01, 0.05), new ReLUSpec())
                .stage("mix", new LinearSpec(10, 6), new SoftmaxSpec())
                .stage("logit", new LinearSpec(6, 1))
                .build();
    }

    /**
     * The course's notebook 09 network: Conv 1->3 k3 p1, ReLU, MaxPool 2, Conv 3->6 k3 p1, ReLU, MaxPool 2,
     * Flatten, BatchNorm(294), Dropout, Linear 294->10.
     */
    static Architecture notebookCnn(double dropout) {
        return Architecture.builder("MnistCnn", 1, 28, 28)
                .stage("conv1", new Conv2dSpec(1, 3, 3, 1, 1, 1), new ReLUSpec(), new MaxPool2dSpec(2, 2, 0))
                .stage("conv2", new Conv2dSpec(3, 6, 3, 1, 1, 1), new ReLUSpec(), new MaxPool2dSpec(2, 2, 0))
                .stage("flat", new FlattenSpec(), new BatchNormSpec(294, 1e-5, 0.1), new DropoutSpec(dropout))
                .stage("logits", new LinearSpec(294, 10))
                .build();
    }

    /**
     * Non-square images with BatchNorm over the input's channels, a dilated padded convolution, AvgPool2d
     * with stride and padding, a strided convolution sharing its stage with a BatchNorm2d, MaxPool2d with
     * stride 1 and padding, then Flatten and a Linear: (2, 13, 10) -> (4, 13, 10) -> (4, 7, 5) -> (5, 3, 2)
     * -> (5, 4, 3) -> 60 -> 3.
     */
    static Architecture imageKinds() {
        return Architecture.builder("ImageKinds", 2, 13, 10)
                .stage("stem", new BatchNormSpec(2, 1e-3, 0.2), new Conv2dSpec(2, 4, 3, 1, 2, 2), new LeakyReLUSpec(0.1))
                .stage("pool", new AvgPool2dSpec(3, 2, 1))
                .stage("block",
                        new Conv2dSpec(4, 5, 3, 2, 0, 1), new BatchNormSpec(5, 1e-5, 0.1), new TanhSpec(),
                        new MaxPool2dSpec(2, 1, 1))
                .stage("head", new FlattenSpec(), new LinearSpec(60, 3))
                .build();
    }

    @Test
    void modelSourceOfSeedNetworkSpellsOutTheStagesInOrder() {
        try (LaminaNetwork network = LaminaNetwork.create(seed(), Device.cpu(), 1)) {
            String source = PyTorchExport.modelSource(network, null);

            assertTrue(source.startsWith("# Generated by Lamina from the network \"MnistMlp\""), source);
            assertEquals("MnistMlp", PyTorchExport.moduleClassName(network));
            // The summary, as comments.
            assertTrue(source.contains("# Network: \"MnistMlp\"\n"), source);
            assertTrue(source.contains(
                    "#  hidden1   Linear(784, 300), BatchNorm(300), ReLU, Dropout(0.2)   (N, 300)       236,700\n"),
                    source);
            assertTrue(source.contains("#  Total params: 331,210 (1.26 MB)\n"), source);
            assertTrue(source.contains("#  Trainable params: 330,010 (1.26 MB)\n"), source);
            assertTrue(source.contains("MnistMlp.load(\"model.safetensors\")"), source);

            assertInOrder(source,
                    "class MnistMlp(nn.Module):",
                    "        self.hidden1 = Hidden1()\n        self.hidden2 = Hidden2()\n        self.logits = Logits()\n",
                    "    def forward(self, x):\n"
                            + "        x = self.hidden1(x)\n"
                            + "        x = self.hidden2(x)\n"
                            + "        x = self.logits(x)\n"
                            + "        return x\n",
                    "    def load(cls, path=WEIGHTS):",
                    "class Hidden1(nn.Module):",
                    "        linear = nn.Linear(784, 300)\n"
                            + "        self.weight = linear.weight\n"
                            + "        self.bias = linear.bias\n"
                            + "        self.bn = BatchNorm1d(300, eps=1e-05, momentum=0.1)\n"
                            + "        self.relu = nn.ReLU()\n"
                            + "        self.dropout = nn.Dropout(p=0.2)\n",
                    "    def forward(self, x):\n"
                            + "        x = F.linear(x, self.weight, self.bias)\n"
                            + "        x = self.bn(x)\n"
                            + "        x = self.relu(x)\n"
                            + "        x = self.dropout(x)\n"
                            + "        return x\n",
                    "class Hidden2(nn.Module):",
                    "        linear = nn.Linear(300, 300)\n",
                    "class Logits(nn.Module):",
                    "        linear = nn.Linear(300, 10)\n",
                    "    def forward(self, x):\n        x = F.linear(x, self.weight, self.bias)\n        return x\n",
                    "class BatchNorm1d(nn.BatchNorm1d):",
                    "def load_safetensors(path=WEIGHTS):",
                    "def read_safetensors(path):",
                    "if __name__ == \"__main__\":");
            // Deterministic: the same network gives the same text.
            assertEquals(source, PyTorchExport.modelSource(network, null));
        }
    }

    @Test
    void modelSourceSpellsEveryLayerKindAsPyTorchModules() {
        try (LaminaNetwork network = LaminaNetwork.create(everyKind(0.25), Device.cpu(), 1)) {
            String source = PyTorchExport.modelSource(network, "Network: \"EveryKind\"\nthe compile-time table\n");

            assertTrue(source.contains("# Network: \"EveryKind\"\n# the compile-time table\n#\n"), source);
            assertInOrder(source,
                    "class Features(nn.Module):",
                    "\"\"\"Stage features: Linear(20, 16), BatchNorm(16), LeakyReLU(0.2), Dropout(0.25); output (N, 16).\"\"\"",
                    "        self.bn = BatchNorm1d(16, eps=0.001, momentum=0.3)\n"
                            + "        self.leaky_relu = nn.LeakyReLU(negative_slope=0.2)\n"
                            + "        self.dropout = nn.Dropout(p=0.25)\n",
                    "class Squash(nn.Module):", "        self.tanh = nn.Tanh()\n",
                    "class Gate(nn.Module):",
                    "        self.sigmoid = nn.Sigmoid()\n        self.dropout = nn.Dropout(p=0.125)\n",
                    "class Norm(nn.Module):",
                    "        self.bn = BatchNorm1d(10, eps=0.01, momentum=0.05)\n        self.relu = nn.ReLU()\n",
                    "class Mix(nn.Module):", "        self.softmax = nn.Softmax(dim=1)\n",
                    "class Logit(nn.Module):");
            assertTrue(source.contains("OUTPUT_SHAPE = (1,)\n"), source);
            // A stage without a Linear has no weight of its own.
            String norm = source.substring(source.indexOf("class Norm("), source.indexOf("class Mix("));
            assertFalse(norm.contains("self.weight"), norm);
        }
    }

    @Test
    void seedNetworkGivesLaminasOutputsInPyTorch() throws Exception {
        try (LaminaNetwork network = LaminaNetwork.create(seed(), Device.cpu(), 7)) {
            Map<String, Double> differences = exportAndCheck(network, 784, false);
            assertEquals(List.of("eval.output"), List.copyOf(differences.keySet()));
        }
    }

    @Test
    void everyLayerKindGivesLaminasOutputsInPyTorch() throws Exception {
        try (LaminaNetwork network = LaminaNetwork.create(everyKind(0.25), Device.cpu(), 8)) {
            exportAndCheck(network, 20, false);
        }
    }

    @Test
    void trainModeStepGivesLaminasOutputsAndRunningStatisticsInPyTorch() throws Exception {
        // Dropout off: its random mask cannot match across implementations.
        try (LaminaNetwork network = LaminaNetwork.create(everyKind(0.0), Device.cpu(), 9)) {
            Map<String, Double> differences = exportAndCheck(network, 20, true);
            assertTrue(differences.containsKey("train.output"), differences.toString());
            assertTrue(differences.containsKey("train.norm.bn.running_var"), differences.toString());
            assertEquals(2 + 2 * 3, differences.size(), differences.toString());
        }
    }

    @Test
    void modelSourceOfNotebookCnnSpellsConvolutionsPoolingAndFlatten() {
        try (LaminaNetwork network = LaminaNetwork.create(notebookCnn(0.2), Device.cpu(), 1)) {
            String source = PyTorchExport.modelSource(network, null);

            assertTrue(source.contains("INPUT_SHAPE = (1, 28, 28)\n"), source);
            assertTrue(source.contains("OUTPUT_SHAPE = (10,)\n"), source);
            assertTrue(source.contains(
                    "#  input                                               (N, 1, 28, 28)         0\n"
                    + "#  conv1    Conv2d(1, 3, k3, p1), ReLU, MaxPool2d(2)   (N, 3, 14, 14)        30\n"
                    + "#  conv2    Conv2d(3, 6, k3, p1), ReLU, MaxPool2d(2)   (N, 6, 7, 7)         168\n"
                    + "#  flat     Flatten, BatchNorm(294), Dropout(0.2)      (N, 294)           1,176\n"
                    + "#  logits   Linear(294, 10)                            (N, 10)            2,950\n"), source);
            assertTrue(source.contains("#  Total params: 4,324 (16.89 KB)\n"), source);
            assertInOrder(source,
                    "class Conv1(nn.Module):",
                    "\"\"\"Stage conv1: Conv2d(1, 3, k3, p1), ReLU, MaxPool2d(2); output (N, 3, 14, 14).\"\"\"",
                    "        conv = nn.Conv2d(1, 3, 3, stride=1, padding=1, dilation=1)\n"
                            + "        self.weight = conv.weight\n"
                            + "        self.bias = conv.bias\n"
                            + "        self.relu = nn.ReLU()\n"
                            + "        self.max_pool = nn.MaxPool2d(kernel_size=2, stride=2, padding=0)\n",
                    "    def forward(self, x):\n"
                            + "        x = F.conv2d(x, self.weight, self.bias, stride=1, padding=1, dilation=1)\n"
                            + "        x = self.relu(x)\n"
                            + "        x = self.max_pool(x)\n"
                            + "        return x\n",
                    "        return \"conv: in_channels=1, out_channels=3, kernel_size=3, stride=1, padding=1, dilation=1\"\n",
                    "class Conv2(nn.Module):",
                    "output (N, 6, 7, 7).",
                    "class Flat(nn.Module):",
                    "        self.flatten = nn.Flatten()\n"
                            + "        self.bn = BatchNorm1d(294, eps=1e-05, momentum=0.1)\n"
                            + "        self.dropout = nn.Dropout(p=0.2)\n",
                    "class Logits(nn.Module):",
                    "        linear = nn.Linear(294, 10)\n",
                    "class BatchNorm1d(nn.BatchNorm1d):");
            // Only BatchNorm over features here: no BatchNorm2d class.
            assertFalse(source.contains("BatchNorm2d"), source);
        }
    }

    @Test
    void modelSourceUsesBatchNorm2dOverImageChannels() {
        try (LaminaNetwork network = LaminaNetwork.create(imageKinds(), Device.cpu(), 1)) {
            String source = PyTorchExport.modelSource(network, null);

            assertInOrder(source,
                    "class Stem(nn.Module):",
                    "Stage stem: BatchNorm(2), Conv2d(2, 4, k3, p2, d2), LeakyReLU(0.1); output (N, 4, 13, 10).",
                    "        self.bn = BatchNorm2d(2, eps=0.001, momentum=0.2)\n"
                            + "        # The Conv2d's weight and bias belong to the stage itself, as in Lamina: stem.weight, stem.bias.\n"
                            + "        conv = nn.Conv2d(2, 4, 3, stride=1, padding=2, dilation=2)\n",
                    "        x = self.bn(x)\n"
                            + "        x = F.conv2d(x, self.weight, self.bias, stride=1, padding=2, dilation=2)\n"
                            + "        x = self.leaky_relu(x)\n",
                    "class Pool(nn.Module):",
                    "Stage pool: AvgPool2d(3, s2, p1); output (N, 4, 7, 5).",
                    "        self.avg_pool = nn.AvgPool2d(kernel_size=3, stride=2, padding=1, count_include_pad=True)\n",
                    "class Block(nn.Module):",
                    "Stage block: Conv2d(4, 5, k3, s2), BatchNorm(5), Tanh, MaxPool2d(2, s1, p1); output (N, 5, 4, 3).",
                    "        conv = nn.Conv2d(4, 5, 3, stride=2, padding=0, dilation=1)\n",
                    "        self.bn = BatchNorm2d(5, eps=1e-05, momentum=0.1)\n",
                    "        self.max_pool = nn.MaxPool2d(kernel_size=2, stride=1, padding=1)\n",
                    "class Head(nn.Module):",
                    "Stage head: Flatten, Linear(60, 3); output (N, 3).",
                    "class BatchNorm1d(nn.BatchNorm1d):",
                    "class BatchNorm2d(nn.BatchNorm2d):",
                    "        self.register_buffer(\"num_batches_tracked\", None)\n",
                    "def load_safetensors(path=WEIGHTS):");
        }
    }

    @Test
    void notebookCnnGivesLaminasOutputsInPyTorch() throws Exception {
        try (LaminaNetwork network = LaminaNetwork.create(notebookCnn(0.2), Device.cpu(), 12)) {
            Map<String, Double> differences = exportAndCheck(network, new long[] {1, 28, 28}, false);
            assertEquals(List.of("eval.output"), List.copyOf(differences.keySet()));
        }
    }

    @Test
    void notebookCnnTrainStepGivesLaminasOutputsAndRunningStatisticsInPyTorch() throws Exception {
        try (LaminaNetwork network = LaminaNetwork.create(notebookCnn(0.0), Device.cpu(), 13)) {
            Map<String, Double> differences = exportAndCheck(network, new long[] {1, 28, 28}, true);
            assertEquals(List.of("eval.output", "train.output", "train.flat.bn.running_mean",
                    "train.flat.bn.running_var"), List.copyOf(differences.keySet()));
            assertEquals("BatchNorm1d/BatchNorm1d", checkedBatchNorms);
        }
    }

    @Test
    void imageBatchNormAvgPoolAndDilationGiveLaminasOutputsInPyTorch() throws Exception {
        try (LaminaNetwork network = LaminaNetwork.create(imageKinds(), Device.cpu(), 14)) {
            Map<String, Double> differences = exportAndCheck(network, new long[] {2, 13, 10}, true);
            assertEquals(2 + 2 * 2, differences.size(), differences.toString());
            assertTrue(differences.containsKey("train.stem.bn.running_var"), differences.toString());
            assertTrue(differences.containsKey("train.block.bn.running_mean"), differences.toString());
            assertEquals("BatchNorm2d/BatchNorm2d BatchNorm2d/BatchNorm2d", checkedBatchNorms);
        }
    }

    @Test
    void stageNamesPythonCannotUseAsAttributesStillLoadAndRun() throws Exception {
        Architecture awkward = Architecture.builder("F", 6)
                .stage("forward", new LinearSpec(6, 5), new BatchNormSpec(5, 1e-5, 0.1), new ReLUSpec())
                .stage("lambda", new LinearSpec(5, 5), new TanhSpec())
                .stage("Hidden", new LinearSpec(5, 4))
                .stage("hidden", new LinearSpec(4, 4), new SigmoidSpec())
                .stage("_private", new LinearSpec(4, 3))
                .build();
        try (LaminaNetwork network = LaminaNetwork.create(awkward, Device.cpu(), 10)) {
            String source = PyTorchExport.modelSource(network, null);
            assertEquals("FNetwork", PyTorchExport.moduleClassName(network));
            assertTrue(source.contains("        self._modules[\"forward\"] = Forward()\n"), source);
            assertTrue(source.contains("        x = self._modules[\"lambda\"](x)\n"), source);
            assertTrue(source.contains("        self.Hidden = Hidden()\n        self.hidden = HiddenStage()\n"), source);
            exportAndCheck(network, 6, false);
        }
    }

    @Test
    void weightFileIsExactlyWhatSaveWrites() throws IOException {
        try (LaminaNetwork network = LaminaNetwork.create(seed(), Device.cpu(), 11)) {
            trainBatchNorm(network, 784);
            Path export = directory.resolve("nested/export");
            PyTorchExport.write(network, export);
            Path saved = directory.resolve("saved.safetensors");
            network.save(saved);

            assertArrayEquals(Files.readAllBytes(saved), Files.readAllBytes(export.resolve(PyTorchExport.WEIGHTS)));
            assertEquals(PyTorchExport.modelSource(network, null),
                    Files.readString(export.resolve(PyTorchExport.MODEL), StandardCharsets.UTF_8));
            try (var files = Files.list(export)) {
                // Nothing left over from the atomic writes.
                assertEquals(List.of("model.py", "model.safetensors"),
                        files.map(f -> f.getFileName().toString()).sorted().toList());
            }
            // Exporting again replaces both files.
            PyTorchExport.write(network, "summary\n", export);
            assertTrue(Files.readString(export.resolve(PyTorchExport.MODEL)).contains("\n# summary\n"));
        }
    }

    /**
     * Gives BatchNorm non-trivial running statistics, exports the network, writes an input batch and
     * Lamina's eval outputs (and, with {@code trainStep}, one train step's outputs and statistics), runs
     * export_check.py and asserts every reported difference is below the tolerance.
     *
     * @return the differences by what was compared
     */
    private Map<String, Double> exportAndCheck(LaminaNetwork network, int width, boolean trainStep)
            throws IOException, InterruptedException {
        return exportAndCheck(network, new long[] {width}, trainStep);
    }

    /** {@link #exportAndCheck(LaminaNetwork, int, boolean)} for samples of shape {@code sample}. */
    private Map<String, Double> exportAndCheck(LaminaNetwork network, long[] sample, boolean trainStep)
            throws IOException, InterruptedException {
        requirePythonWithTorch();
        trainBatchNorm(network, sample);
        Path export = directory.resolve("export");
        PyTorchExport.write(network, export);

        Map<String, SafeTensors.Tensor> check = new LinkedHashMap<>();
        int seed = (int) java.util.Arrays.stream(sample).sum();
        try (NDManager scope = network.manager().newSubManager()) {
            long[] evalShape = batch(32, sample);
            float[] input = samples(new Random(seed), evalShape);
            check.put("input", new SafeTensors.Tensor(evalShape, input));
            NDArray output = network.forwardEval(scope.create(input, new Shape(evalShape)));
            check.put("eval.output", tensor(output));
            if (trainStep) {
                long[] trainShape = batch(16, sample);
                float[] trainInput = samples(new Random(seed + 1), trainShape);
                check.put("train.input", new SafeTensors.Tensor(trainShape, trainInput));
                check.put("train.output", tensor(network.forwardTrain(scope.create(trainInput, new Shape(trainShape)))));
                for (String name : network.parameterNames()) {
                    if (name.contains("running_")) {
                        check.put("train." + name, tensor(network.parameter(name)));
                    }
                }
            }
        }
        Path checkFile = directory.resolve("check.safetensors");
        SafeTensors.write(checkFile, Map.of(), check);

        String output = run(List.of(PYTHON, checkScript().toString(), export.toString(),
                PyTorchExport.moduleClassName(network), checkFile.toString()));
        Map<String, Double> differences = new LinkedHashMap<>();
        Matcher matcher = DIFFERENCE.matcher(output);
        while (matcher.find()) {
            differences.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        Matcher batchNorms = BATCH_NORMS.matcher(output);
        assertTrue(batchNorms.find(), "export_check.py did not list the BatchNorm classes:\n" + output);
        checkedBatchNorms = batchNorms.group(1);
        System.out.println(network.name() + ": " + differences + ", BatchNorm classes: [" + checkedBatchNorms + "]");
        assertFalse(differences.isEmpty(), "export_check.py reported nothing:\n" + output);
        differences.forEach((what, difference) -> assertTrue(difference < TOLERANCE,
                network.name() + " " + what + ": PyTorch differs from Lamina by " + difference + "\n" + output));
        return differences;
    }

    /** A few train-mode passes on MNIST-like batches, so the running statistics are far from 0 and 1. */
    private static void trainBatchNorm(LaminaNetwork network, int width) {
        trainBatchNorm(network, new long[] {width});
    }

    private static void trainBatchNorm(LaminaNetwork network, long[] sample) {
        Random random = new Random(42);
        long[] shape = batch(32, sample);
        try (NDManager scope = network.manager().newSubManager()) {
            for (int step = 0; step < 3; step++) {
                network.forwardTrain(scope.create(samples(random, shape), new Shape(shape)));
            }
        }
        if (network.hasBatchNorm()) {
            String mean = network.parameterNames().stream().filter(n -> n.endsWith("running_mean")).findFirst()
                    .orElseThrow();
            float[] values = network.parameter(mean).toFloatArray();
            assertTrue(Math.abs(values[0]) + Math.abs(values[1]) > 1e-3, mean + " did not move");
        }
    }

    /** The shape of a batch of {@code rows} samples of shape {@code sample}. */
    private static long[] batch(long rows, long[] sample) {
        long[] shape = new long[sample.length + 1];
        shape[0] = rows;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    /** Pixel-like values: most zero, the rest in (0, 1]. */
    private static float[] samples(Random random, long[] shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.3 ? 1f - random.nextFloat() : 0f;
        }
        return values;
    }

    private static SafeTensors.Tensor tensor(NDArray array) {
        return new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray());
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            if (at < 0) {
                fail("expected after offset " + from + ":\n" + part + "\nin:\n" + text);
            }
            from = at + part.length();
        }
    }

    private static Path checkScript() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("src/test/python/export_check.py"));
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            candidates.add(Path.of(basedir, "src/test/python/export_check.py"));
        }
        candidates.add(Path.of("runtime/src/test/python/export_check.py"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseGet(() -> fail(
                "export_check.py not found; looked at " + candidates + " from " + Path.of("").toAbsolutePath()));
    }

    private static boolean pythonChecked;

    /** Fails, rather than skips, without Python and torch: CI installs them, a skip would hide a broken export. */
    private static synchronized void requirePythonWithTorch() throws IOException, InterruptedException {
        if (pythonChecked) {
            return;
        }
        String advice = "; the PyTorch export tests need Debian's python3-torch "
                + "(sudo apt-get install python3-torch, as CI does) or -Dlamina.python=<python with torch>";
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " not found" + advice);
        }
        Process process = new ProcessBuilder(PYTHON, "-c", "import torch; print(torch.__version__)")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail(PYTHON + " cannot import torch" + advice + "\n" + output);
        }
        pythonChecked = true;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command + "\n" + output);
        }
        assertEquals(0, process.exitValue(), "failed: " + String.join(" ", command) + "\n" + output);
        return output;
    }
}
