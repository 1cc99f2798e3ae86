package dev.lamina.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens data files for the loaders of this package, with the checks every loader needs: the file exists, is a
 * regular file and can be read. A file that starts with the gzip magic bytes (1f 8b) is decompressed, whatever
 * its name, so {@code data.csv} and {@code data.csv.gz} both work; it may expand to 100 times its size (at
 * least 256 MB), beyond which it is refused as damaged or a decompression bomb.
 */
public final class DataFiles {

    private static final int BUFFER_BYTES = 1 << 16;

    private DataFiles() {}

    /**
     * The file's content, decompressed if it is gzip. Reading a truncated or corrupt gzip file throws a
     * {@link DataFormatException} naming the file (Java's own message names neither file nor problem clearly).
     */
    public static InputStream open(Path file) throws IOException {
        requireReadableFile(file);
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return raw;
            }
            return new FileNamingInputStream(file, new DecompressionLimit(file, new GZIPInputStream(raw, BUFFER_BYTES),
                    DecompressionLimit.limitFor(Files.size(file))));
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new DataFormatException(file, "starts like a gzip file but its gzip header is damaged", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Fails with a message naming the file if it is missing, a directory or unreadable. */
    public static void requireReadableFile(Path file) throws DataFormatException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, "is a directory, not a data file");
        }
        if (!Files.exists(file)) {
            throw new DataFormatException(file, "does not exist (relative paths start from "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isReadable(file)) {
            throw new DataFormatException(file, "cannot be read: check its permissions");
        }
    }
}
