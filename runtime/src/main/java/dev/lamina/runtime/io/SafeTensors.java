package dev.lamina.runtime.io;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

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
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final String METADATA_KEY = "__metadata__";

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
     * Reads a whole file.
     *
     * @throws ParameterFileException naming the file if it is not a well-formed float32 safetensors file
     */
    public static Contents read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ParameterFileException(file, "is a directory, not a parameter file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
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
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            JsonObject header = parseHeader(file, new String(headerBytes.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            long dataSize = size - dataStart;

            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
                if (entry.getKey().equals(METADATA_KEY)) {
                    entry.getValue().getAsJsonObject().entrySet()
                            .forEach(m -> metadata.put(m.getKey(), m.getValue().getAsString()));
                    continue;
                }
                tensors.put(
                        entry.getKey(),
                        readTensor(file, channel, entry.getKey(), entry.getValue(), dataStart, dataSize));
            }
            return new Contents(metadata, tensors);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException
                | ClassCastException | IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            // A header that is JSON but lacks a field or has one of the wrong type: Gson signals each
            // differently, and each means the same thing to the user.
            throw new ParameterFileException(file, "has a malformed safetensors header: " + e.getMessage(), e);
        }
    }

    private static JsonObject parseHeader(Path file, String text) throws ParameterFileException {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new ParameterFileException(file, "has a safetensors header that is not a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ParameterFileException(
                    file, "is not a safetensors parameter file (its header is not JSON)", e);
        }
    }

    private static Tensor readTensor(
            Path file, FileChannel channel, String name, JsonElement json, long dataStart, long dataSize)
            throws IOException {
        JsonObject info = json.getAsJsonObject();
        String dtype = info.get("dtype").getAsString();
        if (!dtype.equals("F32")) {
            throw new ParameterFileException(
                    file, "tensor '" + name + "' has dtype " + dtype + "; Lamina reads float32 (F32) tensors only");
        }
        JsonArray shapeJson = info.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
        }
        if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new ParameterFileException(
                    file, "tensor '" + name + "' has a negative dimension in its shape " + Arrays.toString(shape));
        }
        JsonArray offsets = info.getAsJsonArray("data_offsets");
        long begin = offsets.get(0).getAsLong();
        long end = offsets.get(1).getAsLong();
        long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (begin < 0 || end - begin != elements * Float.BYTES) {
            throw new ParameterFileException(
                    file, "tensor '" + name + "' has data offsets [" + begin + ", " + end + "] that do not match its shape "
                            + Arrays.toString(shape));
        }
        if (end - begin > Integer.MAX_VALUE) {
            throw new ParameterFileException(
                    file, "tensor '" + name + "' is larger than 2 GB, which Lamina cannot load as one array");
        }
        if (end > dataSize) {
            throw new ParameterFileException(
                    file,
                    "is truncated: tensor '" + name + "' ends at byte " + (dataStart + end)
                            + " but the file has only " + (dataStart + dataSize) + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, bytes, dataStart + begin);
        float[] data = new float[(int) elements];
        bytes.flip().asFloatBuffer().get(data);
        return new Tensor(shape, data);
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
