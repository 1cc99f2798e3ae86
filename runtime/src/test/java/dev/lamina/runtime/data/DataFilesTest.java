package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @TempDir
    Path dir;

    @Test
    void decompressesByMagicBytesNotByName() throws IOException {
        byte[] text = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, TestFiles.readAll(DataFiles.open(TestFiles.bytes(dir, "plain.gz", text))));
        assertArrayEquals(text, TestFiles.readAll(DataFiles.open(TestFiles.bytes(dir, "x.csv", TestFiles.gzip(text)))));
    }

    @Test
    void damagedGzipIsNamed() throws IOException {
        byte[] gzip = TestFiles.gzip("1,2,3\n".repeat(1000));
        gzip[gzip.length / 2] ^= 0x55;
        gzip[gzip.length / 2 + 1] ^= 0x55;
        Path corrupt = TestFiles.bytes(dir, "corrupt.gz", gzip);
        String message = assertThrows(DataFormatException.class, () -> TestFiles.readAll(DataFiles.open(corrupt)))
                .getMessage();
        assertEquals(corrupt + ": the gzip data is corrupt (", message.substring(0, message.indexOf('(') + 1));

        Path headerOnly = TestFiles.bytes(dir, "header.gz", new byte[] {0x1f, (byte) 0x8b, 8});
        assertEquals(headerOnly + ": starts like a gzip file but its gzip header is damaged",
                assertThrows(DataFormatException.class, () -> DataFiles.open(headerOnly)).getMessage());
    }
}
