package dev.lamina.runtime.io;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes float32 tensors in the <a href="https://huggingface.co/docs/safetensors">safetensors</a>
 * format, which PyTorch users load with {@code safetensors.torch.load_file}. Layout: an 8-byte
 * little-endian header length, a JSON header naming each tensor's dtype, shape and byte range, then the
 * raw little-endian data.
 */
public final class SafeTensors {

    /** A header larger than this is not a parameter file but garbage read as a length. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final String METADATA_KEY = SafeTensorsHeader.METADATA_KEY;

    /** One float32 tensor. */
    public record Tensor(long[] shape, float[] data) {
        public Tensor {
            long expected = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            if (expected != data.length) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " needs " + expected + " values, got " + data.length);
            }
        }
    }

    /** A file's string metadata and its tensors in file order. */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {}

    private SafeTensors() {}

    /** Writes the tensors atomically: the previous file stays intact until the new one is complete. */
    public static void write(Path file, Map<String, String> metadata, Map<String, Tensor> tensors)
            throws IOException {
        byte[] header = header(metadata, tensors);
        AtomicFiles.write(
                file,
                stream -> {
                    DataOutputStream out = new DataOutputStream(stream);
                    out.write(littleEndianLong(header.length));
                    out.write(header);
                    for (Tensor tensor : tensors.values()) {
                        ByteBuffer bytes =
                                ByteBuffer.allocate(tensor.data().length * Float.BYTES)
                                        .order(ByteOrder.LITTLE_ENDIAN);
                        bytes.asFloatBuffer().put(tensor.data());
                        out.write(bytes.array());
                    }
                    out.flush();
                });
    }

    private static byte[] header(Map<String, String> metadata, Map<String, Tensor> tensors) {
        JsonObject json = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        json.add(METADATA_KEY, meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            JsonObject info = new JsonObject();
            info.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            Arrays.stream(entry.getValue().shape()).forEach(shape::add);
            info.add("shape", shape);
            long end = offset + (long) entry.getValue().data().length * Float.BYTES;
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(end);
            info.add("data_offsets", offsets);
            json.add(entry.getKey(), info);
            offset = end;
        }
        // The format recommends padding the header with spaces to a multiple of 8 bytes.
        StringBuilder text = new StringBuilder(new Gson().toJson(json));
        while (text.length() % 8 != 0) {
            text.append(' ');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What a caller requires of a file, checked while and after its header is parsed and before any tensor
     * data is read: a file with unexpected names or shapes is refused without allocating its tensors.
     */
    @FunctionalInterface
    public interface HeaderCheck {

        /** Accepts any well-formed file: reading it allocates at most the file's size. */
        HeaderCheck ANY = header -> {};

        /** Called with each tensor name as the header is parsed, so a foreign file fails at its first stranger. */
        default void checkName(String name) throws IOException {}

        /** The largest header worth parsing: parsing holds it in memory several times over. */
        default long maxHeaderBytes() {
            return MAX_HEADER_BYTES;
        }

        /** @throws IOException (or a runtime exception) to refuse the file */
        void check(SafeTensorsHeader header) throws IOException;
    }

    /**
     * Reads a whole file.
     *
     * @throws ParameterFileException naming the file if it is not a well-formed float32 safetensors file
     */
    public static Contents read(Path file) throws IOException {
        return read(file, HeaderCheck.ANY);
    }

    /**
     * Reads a file after its header passed {@code check}.
     *
     * @throws ParameterFileException naming the file if it is not a well-formed float32 safetensors file
     */
    public static Contents read(Path file, HeaderCheck check) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ParameterFileException(file, "is a directory, not a parameter file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            SafeTensorsHeader header = readHeader(file, channel, check);
            check.check(header);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry entry : header.tensors().values()) {
                tensors.put(entry.name(), readTensor(channel, header.dataStart(), entry));
            }
            return new Contents(header.metadata(), tensors);
        }
    }

    private static SafeTensorsHeader readHeader(Path file, FileChannel channel, HeaderCheck check)
            throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new ParameterFileException(
                    file, "is not a parameter file: " + size + " bytes, too short for a safetensors header");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
            throw new ParameterFileException(
                    file,
                    "is not a safetensors parameter file (header length "
                            + headerLength
                            + " does not fit a file of "
                            + size
                            + " bytes); it may be truncated or of another format");
        }
        if (headerLength > check.maxHeaderBytes()) {
            throw new ParameterFileException(file, "has a safetensors header of " + headerLength
                    + " bytes, more than the " + check.maxHeaderBytes() + " bytes its tensors and metadata could need");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8);
        return SafeTensorsHeader.parse(file, headerBytes.array(), size - 8 - headerLength, check);
    }

    /** Reads one tensor in chunks, so a large tensor needs no second buffer of its size. */
    private static Tensor readTensor(FileChannel channel, long dataStart, SafeTensorsHeader.Entry entry)
            throws IOException {
        float[] data = new float[Math.toIntExact(entry.elements())];
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        long position = dataStart + entry.begin();
        int done = 0;
        while (done < data.length) {
            int count = Math.min(data.length - done, chunk.capacity() / Float.BYTES);
            chunk.clear().limit(count * Float.BYTES);
            readFully(channel, chunk, position);
            chunk.flip().asFloatBuffer().get(data, done, count);
            position += (long) count * Float.BYTES;
            done += count;
        }
        return new Tensor(entry.shape(), data);
    }

    /**
     * Refuses NaN and infinite values, naming the tensor and the first bad index: a network cannot
     * compute anything from them, and loading them silently hides that the run that wrote them diverged.
     */
    public static void requireFinite(Path file, Map<String, Tensor> tensors) throws ParameterFileException {
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            float[] data = entry.getValue().data();
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new ParameterFileException(file, "tensor '" + entry.getKey() + "' holds " + data[i]
                            + " at index " + i + " of shape " + Arrays.toString(entry.getValue().shape())
                            + "; parameters must be finite numbers (did the run that wrote them diverge?)");
                }
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += read;
        }
    }

    private static byte[] littleEndianLong(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
