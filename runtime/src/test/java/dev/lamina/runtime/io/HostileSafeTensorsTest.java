package dev.lamina.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Files built to make the reader work or allocate far beyond their size, or to load silently what they
 * should not: each is refused from its header, before tensor data is read.
 */
class HostileSafeTensorsTest {

    @TempDir Path directory;

    /** Writes {@code header} and {@code dataBytes} bytes of data; the data is sparse (never written). */
    static Path file(Path directory, String name, String header, long dataBytes) throws IOException {
        Path file = directory.resolve(name);
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            out.setLength(8 + json.length + dataBytes);
        }
        return file;
    }

    private String refused(String header, long dataBytes) throws IOException {
        Path file = file(directory, "hostile.safetensors", header, dataBytes);
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void manyEntriesOverOneRegionAreOverlapsNotGigabytesOfHeap() throws IOException {
        // 5,000 tensors of 4 MiB, all at offset 0 of one 4 MiB region: 20 GB if read.
        int elements = 1 << 20;
        StringBuilder header = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            header.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[")
                    .append(elements).append("],\"data_offsets\":[0,").append(elements * 4).append("]}");
        }
        header.append('}');
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> refused(header.toString(), elements * 4L));
        assertTrue(message.contains("overlapping tensors"), message);
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        String twice = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertTrue(refused(twice, 8).contains("'w' appears twice"));
        String field = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"shape\":[2],\"data_offsets\":[0,4]}}";
        assertTrue(refused(field, 4).contains("has 'shape' twice"));
        String metadata = "{\"__metadata__\":{\"a\":\"1\",\"a\":\"2\"},\"w\":{\"dtype\":\"F32\",\"shape\":[1],"
                + "\"data_offsets\":[0,4]}}";
        assertTrue(refused(metadata, 4).contains("metadata 'a' appears twice"));
    }

    @Test
    void fractionalExponentAndHugeDimensionsAreRefused() throws IOException {
        for (String dimension : new String[] {"1.5", "1e0", "1.0", "-0", "99999999999999999999"}) {
            String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[" + dimension + "],\"data_offsets\":[0,4]}}";
            String message = refused(header, 4);
            assertTrue(message.contains("whole non-negative numbers"), dimension + ": " + message);
        }
        String product = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}";
        assertTrue(refused(product, 4).contains("too large"));
    }

    @Test
    void trailingBytesAndGapsAreRefused() throws IOException {
        String one = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertTrue(refused(one, 5).contains("1 trailing bytes after its last tensor"));
        String gap = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertTrue(refused(gap, 8).contains("4 unused bytes before tensor 'w'"));
        String text = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} {}";
        assertTrue(refused(text, 4).contains("text after its JSON object"));
        String unknownField = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"code\":1}}";
        assertTrue(refused(unknownField, 4).contains("unknown field 'code'"));
    }

    @Test
    void zeroSizedTensorsAndPaddingAreFine() throws IOException {
        String header = "{\"__metadata__\":{\"k\":\"v\"},\"e\":{\"dtype\":\"F32\",\"shape\":[0,3],\"data_offsets\":[0,0]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}       ";
        SafeTensors.Contents contents = SafeTensors.read(file(directory, "ok.safetensors", header, 8));
        assertEquals(2, contents.tensors().size());
        assertEquals("v", contents.metadata().get("k"));
    }

    @Test
    void aHeaderCheckRefusesBeforeAnyDataIsRead() throws IOException {
        // A sparse 2 GB tensor: a check that refuses its name stops the read before the allocation.
        long bytes = Integer.MAX_VALUE - 63L;
        String header = "{\"huge\":{\"dtype\":\"F32\",\"shape\":[" + bytes / 4 + "],\"data_offsets\":[0," + bytes + "]}}";
        Path file = file(directory, "sparse.safetensors", header, bytes);
        SafeTensors.HeaderCheck check = new SafeTensors.HeaderCheck() {
            @Override
            public void checkName(String name) throws IOException {
                throw new ParameterFileException(file, "unexpected tensor '" + name + "'");
            }

            @Override
            public void check(SafeTensorsHeader parsed) {}
        };
        ParameterFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ParameterFileException.class, () -> SafeTensors.read(file, check)));
        assertTrue(e.getMessage().contains("unexpected tensor 'huge'"), e.getMessage());
    }

    @Test
    void aHeaderLargerThanTheCheckAllowsIsRefusedUnparsed() throws IOException {
        Path file = file(directory, "big-header.safetensors", "{" + " ".repeat(5000) + "}", 0);
        SafeTensors.HeaderCheck small = new SafeTensors.HeaderCheck() {
            @Override
            public long maxHeaderBytes() {
                return 1000;
            }

            @Override
            public void check(SafeTensorsHeader parsed) {}
        };
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> SafeTensors.read(file, small));
        assertTrue(e.getMessage().contains("more than the 1000 bytes"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAreNamed() {
        Path file = directory.resolve("weights.safetensors");
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> SafeTensors.requireFinite(file,
                java.util.Map.of("hidden.weight", new SafeTensors.Tensor(new long[] {2}, new float[] {1, Float.NaN}))));
        assertTrue(e.getMessage().contains("tensor 'hidden.weight' holds NaN at index 1"), e.getMessage());
    }
}
