package dev.lamina.runtime.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A safetensors header, parsed and checked as a whole before any tensor data is read: a file is only
 * trusted as far as its header has been proven consistent, so a hostile header cannot make the reader
 * allocate more than the file's own data (or than the caller allows, see {@link SafeTensors.HeaderCheck}).
 *
 * <p>Beyond well-formed JSON it requires: no key twice (JSON parsers disagree on which duplicate wins),
 * float32 tensors with integer, non-negative dimensions, data ranges that match the shapes and that tile
 * the data section exactly, without gaps, overlaps or trailing bytes.
 *
 * @param metadata the {@code __metadata__} strings
 * @param tensors each tensor's entry, in header order
 * @param dataStart the file offset where tensor data begins
 */
public record SafeTensorsHeader(Map<String, String> metadata, Map<String, Entry> tensors, long dataStart) {

    static final String METADATA_KEY = "__metadata__";

    /** A decimal integer as JSON writes it: no sign, fraction or exponent ({@code 1.5}, {@code 1e3}, {@code -1}). */
    private static final Pattern NATURAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    /** Where one tensor's data lies, relative to {@link #dataStart}. */
    public record Entry(String name, long[] shape, long begin, long end) {

        public long elements() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    public SafeTensorsHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Each tensor's shape by name, in header order: what a caller checks names and shapes against. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, entry) -> shapes.put(name, entry.shape().clone()));
        return shapes;
    }

    /**
     * Parses and checks the header of {@code file}.
     *
     * @param header the header's bytes
     * @param dataSize the bytes after the header
     */
    static SafeTensorsHeader parse(Path file, byte[] header, long dataSize, SafeTensors.HeaderCheck check)
            throws IOException {
        String text = utf8(file, header);
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Entry> tensors = new LinkedHashMap<>();
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ParameterFileException(file, "has a safetensors header that is not a JSON object");
            }
            reader.beginObject();
            Set<String> keys = new HashSet<>();
            while (reader.hasNext()) {
                String key = reader.nextName();
                if (!keys.add(key)) {
                    throw new ParameterFileException(file, "has a malformed safetensors header: '" + key
                            + "' appears twice");
                }
                if (key.equals(METADATA_KEY)) {
                    readMetadata(file, reader, metadata);
                } else {
                    check.checkName(key);
                    tensors.put(key, readEntry(file, reader, key));
                }
            }
            reader.endObject();
            if (!atEnd(reader)) {
                throw new ParameterFileException(file, "has a malformed safetensors header: text after its JSON object");
            }
        } catch (IllegalStateException | NumberFormatException e) {
            // Gson's report of a value of the wrong type: a list where an object belongs, and so on.
            throw new ParameterFileException(file, "has a malformed safetensors header: " + e.getMessage(), e);
        } catch (MalformedJsonException | EOFException e) {
            throw new ParameterFileException(
                    file, "is not a safetensors parameter file (its header is not JSON: " + e.getMessage() + ")", e);
        }
        checkLayout(file, tensors, dataSize);
        return new SafeTensorsHeader(metadata, tensors, 8 + header.length);
    }

    /** Only the format's padding (spaces) may follow the header's object. */
    private static boolean atEnd(JsonReader reader) throws IOException {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (MalformedJsonException e) {
            return false;
        }
    }

    private static String utf8(Path file, byte[] header) throws ParameterFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ParameterFileException(file, "is not a safetensors parameter file (its header is not UTF-8 text)");
        }
    }

    private static void readMetadata(Path file, JsonReader reader, Map<String, String> metadata) throws IOException {
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (reader.peek() != JsonToken.STRING) {
                throw new ParameterFileException(file, "has a malformed safetensors header: metadata '" + key
                        + "' is not a string");
            }
            if (metadata.put(key, reader.nextString()) != null) {
                throw new ParameterFileException(file, "has a malformed safetensors header: metadata '" + key
                        + "' appears twice");
            }
        }
        reader.endObject();
    }

    private static Entry readEntry(Path file, JsonReader reader, String name) throws IOException {
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        reader.beginObject();
        Set<String> fields = new HashSet<>();
        while (reader.hasNext()) {
            String field = reader.nextName();
            if (!fields.add(field)) {
                throw malformed(file, name, "has '" + field + "' twice");
            }
            switch (field) {
                case "dtype" -> dtype = reader.nextString();
                case "shape" -> shape = naturals(file, reader, name, "shape");
                case "data_offsets" -> offsets = naturals(file, reader, name, "data_offsets");
                default -> throw malformed(file, name, "has an unknown field '" + field + "'");
            }
        }
        reader.endObject();
        if (dtype == null || shape == null || offsets == null) {
            throw malformed(file, name, "needs dtype, shape and data_offsets");
        }
        if (!dtype.equals("F32")) {
            throw new ParameterFileException(
                    file, "tensor '" + name + "' has dtype " + dtype + "; Lamina reads float32 (F32) tensors only");
        }
        if (offsets.length != 2) {
            throw malformed(file, name, "has " + offsets.length + " data offsets instead of 2");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(Arrays.stream(shape).reduce(1, Math::multiplyExact), (long) Float.BYTES);
        } catch (ArithmeticException e) {
            throw malformed(file, name, "has a shape " + Arrays.toString(shape) + " too large for any file");
        }
        if (offsets[1] - offsets[0] != bytes) {
            throw new ParameterFileException(file, "tensor '" + name + "' has data offsets [" + offsets[0] + ", "
                    + offsets[1] + "] that do not match its shape " + Arrays.toString(shape));
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new ParameterFileException(
                    file, "tensor '" + name + "' is larger than 2 GB, which Lamina cannot load as one array");
        }
        return new Entry(name, shape, offsets[0], offsets[1]);
    }

    /** A list of integers that are counts or byte offsets: never negative, never fractional. */
    private static long[] naturals(Path file, JsonReader reader, String name, String field) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            throw malformed(file, name, "has a " + field + " that is not a list");
        }
        List<Long> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() != JsonToken.NUMBER) {
                throw malformed(file, name, "has a " + field + " entry that is not a number");
            }
            String literal = reader.nextString();
            if (!NATURAL.matcher(literal).matches()) {
                throw malformed(file, name, "has " + field + " entry " + literal
                        + (literal.startsWith("-") ? " (a negative dimension)" : "")
                        + "; only whole non-negative numbers are allowed");
            }
            values.add(Long.parseLong(literal));
            if (values.size() > 64) {
                throw malformed(file, name, "has more than 64 " + field + " entries");
            }
        }
        reader.endArray();
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The tensors' ranges, in offset order, must follow one another from byte 0 to the end of the file:
     * then no byte is read twice and the data read is exactly the file's size.
     */
    private static void checkLayout(Path file, Map<String, Entry> tensors, long dataSize)
            throws ParameterFileException {
        List<Entry> ordered = new ArrayList<>(tensors.values());
        ordered.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long position = 0;
        Entry previous = null;
        for (Entry entry : ordered) {
            if (entry.end() > dataSize) {
                throw new ParameterFileException(file, "is truncated: tensor '" + entry.name() + "' ends at byte "
                        + (entry.end()) + " of the data, but the file has only " + dataSize + " data bytes");
            }
            if (entry.begin() < position) {
                throw new ParameterFileException(file, "has overlapping tensors: '" + entry.name()
                        + "' starts at data byte " + entry.begin() + ", inside '" + previous.name() + "'");
            }
            if (entry.begin() > position) {
                throw new ParameterFileException(file, "has " + (entry.begin() - position)
                        + " unused bytes before tensor '" + entry.name() + "' (at data byte " + position + ")");
            }
            position = entry.end();
            previous = entry;
        }
        if (position != dataSize) {
            throw new ParameterFileException(file, "has " + (dataSize - position)
                    + " trailing bytes after its last tensor; it may be corrupt or of another format");
        }
    }

    private static ParameterFileException malformed(Path file, String name, String problem) {
        return new ParameterFileException(file, "has a malformed safetensors header: tensor '" + name + "' " + problem);
    }
}
