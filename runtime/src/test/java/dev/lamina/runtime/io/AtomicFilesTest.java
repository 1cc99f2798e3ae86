package dev.lamina.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write names the file and what to do, and leaves the file it was to replace as it was. */
class AtomicFilesTest {

    @Test
    void aFullDiskNamesTheFileAndWhatToDo(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("checkpoint.safetensors");
        Files.writeString(target, "the good checkpoint", StandardCharsets.UTF_8);

        // What FileChannel.write throws when the device is full: the operating system's text, no file.
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1024]);
            throw new IOException("No space left on device");
        }));

        assertTrue(e.getMessage().startsWith("cannot write " + target.toAbsolutePath() + ": the disk is full (No"
                + " space left on device; "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes free there); free space on that disk, or write to another"
                + " folder"), e.getMessage());
        assertEquals("the good checkpoint", Files.readString(target, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "no partial file left behind");
        }
    }

    @Test
    void aFolderThatIsAFileIsNamed(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("runs"), "", StandardCharsets.UTF_8);
        Path target = file.resolve("history.csv");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write(1)));

        assertTrue(e.getMessage().startsWith("cannot write " + target.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
