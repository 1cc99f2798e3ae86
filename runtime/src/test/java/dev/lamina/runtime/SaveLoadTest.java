package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.io.ParameterFileException;
import dev.lamina.runtime.io.SafeTensors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Parameters survive save and load exactly; bad or foreign files fail clearly and change nothing. */
class SaveLoadTest {

    @TempDir Path directory;

    private LaminaNetwork network;
    private Map<String, float[]> original;

    @BeforeEach
    void create() {
        network = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 5);
        original = SeedNetworks.snapshot(network);
    }

    @AfterEach
    void close() {
        network.close();
    }

    @Test
    void saveThenLoadIntoDifferentlySeededNetworkGivesIdenticalOutputs() throws IOException {
        // Non-default running statistics, so that they too have to travel through the file.
        try (NDManager scope = network.manager().newSubManager()) {
            network.forwardTrain(scope.create(SeedNetworks.fixture().get("input").data(), new Shape(16, 784)));
        }
        Path file = directory.resolve("mnist.safetensors");
        network.save(file);

        try (LaminaNetwork other = LaminaNetwork.create(SeedNetworks.mnist(), Device.cpu(), 6)) {
            float[][] samples = SeedNetworks.rows(SeedNetworks.fixture().get("input"));
            float[][] before = other.predictOutputs(samples);
            float[][] expected = network.predictOutputs(samples);
            assertFalse(Arrays.deepEquals(expected, before), "differently seeded networks should differ");

            other.load(file);

            assertTrue(Arrays.deepEquals(expected, other.predictOutputs(samples)), "outputs after load");
            SeedNetworks.assertSameParameters(SeedNetworks.snapshot(network), other);
        }
    }

    @Test
    void savedFileIsSafetensorsWithNetworkMetadata() throws IOException {
        Path file = directory.resolve("sub/dir/mnist.safetensors");
        network.save(file);

        SafeTensors.Contents contents = SafeTensors.read(file);
        assertEquals("MnistMlp", contents.metadata().get("lamina.network"));
        assertEquals(List.of(SeedNetworks.PARAMETER_NAMES), List.copyOf(contents.tensors().keySet()));
        assertArrayEquals(new long[] {300, 784}, contents.tensors().get("hidden1.weight").shape());
        assertArrayEquals(original.get("hidden1.weight"), contents.tensors().get("hidden1.weight").data());
        assertArrayEquals(original.get("hidden2.bn.running_var"), contents.tensors().get("hidden2.bn.running_var").data());
        // 331,210 float32 values plus an 8-byte length and the header.
        long values = network.trainableParameterCount() + network.nonTrainableParameterCount();
        assertTrue(Files.size(file) > values * 4 + 8, "file size " + Files.size(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()),
                    listing.map(p -> p.getFileName().toString()).toList(), "no temporary files left");
        }
    }

    @Test
    void fileOfAnotherNetworkNamesFirstMismatchAndBothShapes() throws IOException {
        Path file = directory.resolve("tox21.safetensors");
        try (LaminaNetwork tox21 = LaminaNetwork.create(SeedNetworks.mlp("Tox21Mlp", 2048, 0.2), Device.cpu(), 1)) {
            tox21.save(file);
        }
        IncompatibleParametersException e =
                assertThrows(IncompatibleParametersException.class, () -> network.load(file));
        String message = e.getMessage();
        assertTrue(message.contains("'hidden1.weight'"), message);
        assertTrue(message.contains("(300, 2048)"), message);
        assertTrue(message.contains("(300, 784)"), message);
        assertTrue(message.contains("Tox21Mlp"), "names the network that wrote the file: " + message);
        assertTrue(message.contains(file.toString()), message);
        assertFalse(message.contains("hidden2"), "only the first mismatch: " + message);
        SeedNetworks.assertSameParameters(original, network);
    }

    @Test
    void missingOrExtraParameterIsNamed() throws IOException {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        original.forEach((name, values) ->
                tensors.put(name, new SafeTensors.Tensor(network.parameter(name).getShape().getShape(), scaled(values))));

        Map<String, SafeTensors.Tensor> missing = new LinkedHashMap<>(tensors);
        missing.remove("hidden2.bn.running_mean");
        Path missingFile = directory.resolve("missing.safetensors");
        SafeTensors.write(missingFile, Map.of(), missing);
        IncompatibleParametersException e1 =
                assertThrows(IncompatibleParametersException.class, () -> network.load(missingFile));
        assertTrue(e1.getMessage().contains("'hidden2.bn.running_mean' is missing"), e1.getMessage());
        SeedNetworks.assertSameParameters(original, network);

        Map<String, SafeTensors.Tensor> extra = new LinkedHashMap<>(tensors);
        extra.put("hidden3.weight", new SafeTensors.Tensor(new long[] {2, 2}, new float[4]));
        Path extraFile = directory.resolve("extra.safetensors");
        SafeTensors.write(extraFile, Map.of(), extra);
        IncompatibleParametersException e2 =
                assertThrows(IncompatibleParametersException.class, () -> network.load(extraFile));
        assertTrue(e2.getMessage().contains("'hidden3.weight'"), e2.getMessage());
        SeedNetworks.assertSameParameters(original, network);

        // The complete set, written by something other than Lamina (no metadata), loads.
        Path complete = directory.resolve("complete.safetensors");
        SafeTensors.write(complete, Map.of(), tensors);
        network.load(complete);
        assertArrayEquals(scaled(original.get("logits.weight")), network.parameter("logits.weight").toFloatArray());
        assertArrayEquals(scaled(original.get("hidden1.bn.running_var")),
                network.parameter("hidden1.bn.running_var").toFloatArray());
    }

    private static float[] scaled(float[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] * 2 + 0.5f;
        }
        return result;
    }

    @Test
    void truncatedFileFailsNamingFileAndTruncation() throws IOException {
        Path good = directory.resolve("good.safetensors");
        network.save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = directory.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));

        ParameterFileException e = assertThrows(ParameterFileException.class, () -> network.load(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // The last 100 bytes are logits.bias (40 bytes) and the end of logits.weight, the first tensor cut.
        assertTrue(e.getMessage().contains("'logits.weight'"), "names the tensor that is cut: " + e.getMessage());
        SeedNetworks.assertSameParameters(original, network);

        // Cut inside the header: still a clear parameter-file error.
        Path headerCut = directory.resolve("header-cut.safetensors");
        Files.write(headerCut, Arrays.copyOf(bytes, 100));
        ParameterFileException e2 = assertThrows(ParameterFileException.class, () -> network.load(headerCut));
        assertTrue(e2.getMessage().contains(headerCut.toString()), e2.getMessage());
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());
        SeedNetworks.assertSameParameters(original, network);
    }

    @Test
    void garbageFilesFailClearly() throws IOException {
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        Path noise = directory.resolve("noise.safetensors");
        Files.write(noise, random);
        assertParameterFileError(noise, "not a safetensors parameter file");

        Path text = directory.resolve("notes.safetensors");
        Files.writeString(text, "these are not the parameters you are looking for\n".repeat(20));
        assertParameterFileError(text, "not a safetensors parameter file");

        Path tiny = directory.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertParameterFileError(tiny, "too short");

        Path empty = directory.resolve("empty.safetensors");
        Files.write(empty, new byte[0]);
        assertParameterFileError(empty, "too short");

        // A plausible length followed by something that is not JSON.
        Path notJson = directory.resolve("not-json.safetensors");
        byte[] body = "{this is not json}......".getBytes(StandardCharsets.UTF_8);
        Files.write(notJson, concat(littleEndian(body.length), body));
        assertParameterFileError(notJson, "header is not JSON");
    }

    @Test
    void unsupportedDtypeIsNamed() throws IOException {
        byte[] header = "{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}   "
                .getBytes(StandardCharsets.UTF_8);
        Path file = directory.resolve("half.safetensors");
        Files.write(file, concat(concat(littleEndian(header.length), header), new byte[4]));
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().contains("F16"), e.getMessage());
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
    }

    private void assertParameterFileError(Path file, String expected) {
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> network.load(file), file.toString());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        SeedNetworks.assertSameParameters(original, network);
    }

    @Test
    void directoryAndMissingFileFailClearly() throws IOException {
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> network.load(directory));
        assertTrue(e.getMessage().contains(directory.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("directory"), e.getMessage());

        Path absent = directory.resolve("absent.safetensors");
        IOException missing = assertThrows(IOException.class, () -> network.load(absent));
        assertTrue(missing.getMessage().contains(absent.toString()), missing.getMessage());
        SeedNetworks.assertSameParameters(original, network);

        // Saving onto a directory fails too, and leaves the directory as it was.
        Path occupied = Files.createDirectory(directory.resolve("occupied"));
        assertThrows(IOException.class, () -> network.save(occupied));
        assertTrue(Files.isDirectory(occupied));
    }

    private static byte[] littleEndian(long value) {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
