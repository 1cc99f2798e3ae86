package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.runtime.io.ParameterFileException;
import dev.lamina.runtime.io.SafeTensors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parameter file is read only as far as the network needs: foreign names and shapes are refused from
 * the header (the files here are sparse, gigabytes that take no disk and must take no heap), and values a
 * network cannot compute with are refused by name. Nothing changes in the network when a load fails.
 */
class HostileParameterFilesTest {

    private static final long TWO_GB = Integer.MAX_VALUE - 63L;

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

    private Path sparse(String header, long dataBytes) throws IOException {
        Path file = directory.resolve("sparse.safetensors");
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            out.setLength(8 + json.length + dataBytes);
        }
        return file;
    }

    @Test
    void anUnknownTwoGigabyteTensorIsANameMismatchNotOutOfMemory() throws IOException {
        Path file = sparse("{\"stranger\":{\"dtype\":\"F32\",\"shape\":[" + TWO_GB / 4 + "],\"data_offsets\":[0,"
                + TWO_GB + "]}}", TWO_GB);
        IncompatibleParametersException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IncompatibleParametersException.class, () -> network.load(file)));
        assertTrue(e.getMessage().contains("the file holds parameter 'stranger', which MnistMlp does not have"),
                e.getMessage());
        SeedNetworks.assertSameParameters(original, network);
    }

    @Test
    void aKnownNameWithAHugeShapeIsAShapeMismatchBeforeAnyRead() throws IOException {
        // Every parameter present, hidden1.weight claiming 2 GB: the shapes are compared before reading.
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (String name : network.parameterNames()) {
            long elements = name.equals("hidden1.weight") ? TWO_GB / 4 : network.parameter(name).size();
            header.append(offset == 0 ? "" : ",").append('"').append(name).append("\":{\"dtype\":\"F32\",\"shape\":[")
                    .append(elements).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + elements * 4).append("]}");
            offset += elements * 4;
        }
        Path file = sparse(header.append('}').toString(), offset);
        IncompatibleParametersException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IncompatibleParametersException.class, () -> network.load(file)));
        assertTrue(e.getMessage().contains("parameter 'hidden1.weight' has shape (" + TWO_GB / 4 + ")"), e.getMessage());
        SeedNetworks.assertSameParameters(original, network);
    }

    @Test
    void aHeaderFarLargerThanTheNetworkCouldNeedIsNotParsed() throws IOException {
        Path file = sparse("{\"__metadata__\":{\"pad\":\"" + "x".repeat(4 << 20) + "\"}}", 0);
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> network.load(file));
        assertTrue(e.getMessage().contains("bytes its tensors and metadata could need"), e.getMessage());
    }

    @Test
    void nanOrInfiniteWeightsAreRefusedNamingTheTensor() throws IOException {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>(network.parameterTensors());
            SafeTensors.Tensor bias = tensors.get("hidden2.bias");
            float[] values = bias.data().clone();
            values[7] = bad;
            tensors.put("hidden2.bias", new SafeTensors.Tensor(bias.shape(), values));
            Path file = directory.resolve("diverged.safetensors");
            SafeTensors.write(file, Map.of(), tensors);

            ParameterFileException e = assertThrows(ParameterFileException.class, () -> network.load(file));
            assertTrue(e.getMessage().contains("tensor 'hidden2.bias' holds " + bad + " at index 7"), e.getMessage());
            SeedNetworks.assertSameParameters(original, network);
        }
    }
}
