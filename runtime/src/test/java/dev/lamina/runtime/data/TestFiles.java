package dev.lamina.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes the small data files the loader tests read. */
public final class TestFiles {

    private TestFiles() {}

    public static Path text(Path directory, String name, String content) throws IOException {
        return Files.write(directory.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path bytes(Path directory, String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(String content) {
        return gzip(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The first half of a valid gzip file: what an interrupted download leaves. */
    public static byte[] truncatedGzip(byte[] content) {
        byte[] complete = gzip(content);
        return Arrays.copyOf(complete, complete.length / 2);
    }

    /** A fixture from src/test/resources/data. */
    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/data/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource data/" + name + " is missing", e);
        }
    }

    public static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
