package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Files that claim or expand to far more than they hold, loaded in a JVM with a 128 MB heap: each loads
 * or fails with a message naming file and line, never with OutOfMemoryError.
 */
class HostileDataFilesTest {

    private static final long LONG_LINE = 300L << 20;

    @TempDir Path dir;

    @Test
    void hostileFilesFailClearlyInASmallHeap() throws Exception {
        // A one-row table of a million columns: 2 MB of text that once needed a gigabyte up front.
        Path wide = TestFiles.text(dir, "wide.csv", "1" + ",0".repeat(1_000_000) + "\n");
        // Nine million columns: more than a table may have (once an int overflow).
        Path wider = gzip("wider.csv.gz", ",".getBytes(StandardCharsets.US_ASCII), 9_000_000, "\n");
        // One 300 MB line in a gzip file of a few hundred kilobytes.
        Path longLine = gzip("long-line.gz", "1".getBytes(StandardCharsets.US_ASCII), LONG_LINE, "\n");
        // 300 MB of line ends: no line is long, but the file expands a thousandfold.
        Path bomb = gzip("blank-lines.gz", "\n".getBytes(StandardCharsets.US_ASCII), LONG_LINE, "");
        // An IDX header announcing 2 GB of images in a 16-byte file.
        Path idx = TestFiles.bytes(dir, "claims.idx", ByteBuffer.allocate(16)
                .putInt(MnistIdx.IMAGES_MAGIC).putInt(46_000).putInt(46_000).putInt(1).array());

        List<String> lines = run("csv", wide, "csv", wider, "mnist", longLine, "csv", longLine, "mnist", bomb,
                "idx", idx);

        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals("wide.csv loaded 1 rows", lines.get(0));
        assertTrue(lines.get(1).contains("wider.csv.gz line 1: the line has more than 1000000 cells separated by ','"),
                lines.get(1));
        assertTrue(lines.get(2).contains("long-line.gz line 1: the line is longer than 65536 bytes"), lines.get(2));
        assertTrue(lines.get(3).contains("long-line.gz line 1: the line is longer than 16777216 characters"),
                lines.get(3));
        assertTrue(lines.get(4).contains("blank-lines.gz: decompresses to more than 268435456 bytes"), lines.get(4));
        assertTrue(lines.get(5).contains("claims.idx: is truncated: its header announces 2116000000 bytes of data,"
                + " but only 0 follow"), lines.get(5));
    }

    /** {@code count} times {@code unit}, then {@code end}, gzip-compressed as fast as gzip goes. */
    private Path gzip(String name, byte[] unit, long count, String end) throws IOException {
        Path file = dir.resolve(name);
        byte[] chunk = new byte[1 << 16];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = unit[i % unit.length];
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            long bytes = count * unit.length;
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
            }
            out.write(end.getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private List<String> run(Object... loadersAndFiles) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                HostileDataMain.class.getName()));
        Arrays.stream(loadersAndFiles).map(Object::toString).forEach(command::add);
        Path out = dir.resolve("out.txt");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the loads did not finish in 120 s: " + Files.readString(out));
        }
        return Files.readAllLines(out);
    }
}
