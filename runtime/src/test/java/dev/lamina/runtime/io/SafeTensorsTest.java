package dev.lamina.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The safetensors reader and writer, and the atomic file writes under them. */
class SafeTensorsTest {

    @TempDir Path directory;

    private static Map<String, SafeTensors.Tensor> sample() {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        float[] matrix = new float[2 * 3 * 4];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) Math.sin(i) * 1000;
        }
        tensors.put("b.weight", new SafeTensors.Tensor(new long[] {2, 3, 4}, matrix));
        tensors.put("a.special", new SafeTensors.Tensor(new long[] {6}, new float[] {
            -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN, 1e-30f}));
        tensors.put("z.scalar", new SafeTensors.Tensor(new long[] {1}, new float[] {3.25f}));
        return tensors;
    }

    @Test
    void roundTripKeepsNamesOrderShapesValuesAndMetadata() throws IOException {
        Path file = directory.resolve("t.safetensors");
        Map<String, SafeTensors.Tensor> written = sample();
        SafeTensors.write(file, Map.of("lamina.network", "Test", "note", "ünïcode"), written);

        SafeTensors.Contents read = SafeTensors.read(file);
        assertEquals(Map.of("lamina.network", "Test", "note", "ünïcode"), read.metadata());
        assertEquals(List.copyOf(written.keySet()), List.copyOf(read.tensors().keySet()), "file order");
        for (String name : written.keySet()) {
            assertArrayEquals(written.get(name).shape(), read.tensors().get(name).shape(), name);
            float[] expected = written.get(name).data();
            float[] actual = read.tensors().get(name).data();
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), name + "[" + i + "]");
            }
        }
    }

    @Test
    void layoutIsTheSafetensorsFormat() throws IOException {
        Path file = directory.resolve("t.safetensors");
        SafeTensors.write(file, Map.of(), sample());
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong();
        assertEquals(0, headerLength % 8, "header padded to 8 bytes");
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{"), header);
        assertTrue(header.contains("\"b.weight\":{\"dtype\":\"F32\",\"shape\":[2,3,4],\"data_offsets\":[0,96]}"), header);
        assertTrue(header.contains("\"a.special\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[96,120]}"), header);
        assertEquals(8 + headerLength + (24 + 6 + 1) * 4, bytes.length);
        // Data is raw little-endian float32, in file order.
        int data = (int) (8 + headerLength);
        assertEquals((float) Math.sin(1) * 1000, buffer.getFloat(data + 4));
        assertEquals(Float.MIN_VALUE, buffer.getFloat(data + 96 + 4));
        assertEquals(3.25f, buffer.getFloat(bytes.length - 4));
    }

    @Test
    void tensorRejectsDataThatDoesNotFitItsShape() {
        assertThrows(IllegalArgumentException.class, () -> new SafeTensors.Tensor(new long[] {2, 3}, new float[5]));
    }

    @Test
    void atomicWriteLeavesNoPartialFiles() throws IOException {
        Path file = directory.resolve("nested/t.safetensors");
        SafeTensors.write(file, Map.of(), sample());
        SafeTensors.write(file, Map.of("second", "yes"), sample()); // overwrite
        assertEquals("yes", SafeTensors.read(file).metadata().get("second"));
        assertEquals(List.of("t.safetensors"), names(file.getParent()));
    }

    @Test
    void failingWriterKeepsTheOldFile() throws IOException {
        Path file = directory.resolve("keep.bin");
        Files.writeString(file, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("new content that never completes".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk on fire");
        }));
        assertEquals("cannot write " + file.toAbsolutePath() + ": disk on fire", e.getMessage(), "names the file");
        assertEquals("disk on fire", e.getCause().getMessage());
        assertEquals("old content", Files.readString(file));
        assertEquals(List.of("keep.bin"), names(directory), "no .partial file left behind");

        // A failing first write creates nothing at all.
        Path fresh = directory.resolve("fresh.bin");
        assertThrows(IOException.class, () -> AtomicFiles.write(fresh, out -> {
            out.write(1);
            throw new IOException("again");
        }));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of("keep.bin"), names(directory));

        // And a successful write replaces the content.
        AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("keep.bin"), names(directory));
    }

    @Test
    void malformedHeaderEntriesAreParameterFileErrors() throws IOException {
        String[] headers = {
            "{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", // no dtype
            "{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", // no shape
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", // no data_offsets
            "{\"w\":{\"dtype\":\"F32\",\"shape\":1,\"data_offsets\":[0,4]}}", // shape not a list
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", // one offset
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[4,0]}}", // negative dimension
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[\"x\"],\"data_offsets\":[0,4]}}", // not a number
            "{\"w\":5}", // not an object
            "{\"__metadata__\":5}", // metadata not an object
            "[1,2,3]", // not an object at all
        };
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < headers.length; i++) {
            byte[] header = headers[i].getBytes(StandardCharsets.UTF_8);
            Path file = directory.resolve("malformed-" + i + ".safetensors");
            ByteBuffer bytes = ByteBuffer.allocate(8 + header.length + 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.putLong(header.length).put(header).putFloat(1f);
            Files.write(file, bytes.array());
            try {
                SafeTensors.read(file);
                failures.append("\n  accepted ").append(headers[i]);
            } catch (ParameterFileException e) {
                if (!e.getMessage().startsWith(file.toString())) {
                    failures.append("\n  message without the file name: ").append(e.getMessage());
                }
            } catch (RuntimeException e) {
                failures.append("\n  ").append(headers[i]).append(" -> ").append(e);
            }
        }
        assertTrue(failures.length() == 0, "malformed headers not reported as ParameterFileException:" + failures);
    }

    @Test
    void offsetsThatDoNotMatchTheShapeAreRejected() throws IOException {
        byte[] header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}"
                .getBytes(StandardCharsets.UTF_8);
        Path file = directory.resolve("bad-offsets.safetensors");
        ByteBuffer bytes = ByteBuffer.allocate(8 + header.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(header.length).put(header);
        Files.write(file, bytes.array());
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().contains("data offsets"), e.getMessage());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
