package dev.lamina.runtime.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Stops decompressing a file that expands far beyond what real data does: a few megabytes of gzip can hold
 * gigabytes of one repeated byte, and nothing downstream should have to find that out by running out of
 * memory. The limit is generous ({@link #limitFor}); a genuine file above it loads once decompressed.
 */
final class DecompressionLimit extends FilterInputStream {

    /** Text data compresses 3 to 20 times; a sparse table of zeros perhaps 100. */
    static final long RATIO = 100;

    /** Small files may expand this far whatever their ratio. */
    static final long FLOOR = 256L << 20;

    private final Path file;
    private final long limit;
    private long count;

    DecompressionLimit(Path file, InputStream decompressed, long limit) {
        super(decompressed);
        this.file = file;
        this.limit = limit;
    }

    /** The decompressed bytes allowed for a compressed file of {@code compressedBytes}. */
    static long limitFor(long compressedBytes) {
        return Math.max(FLOOR, compressedBytes > Long.MAX_VALUE / RATIO ? Long.MAX_VALUE : compressedBytes * RATIO);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long bytes) throws DataFormatException {
        count += bytes;
        if (count > limit) {
            throw new DataFormatException(file, "decompresses to more than " + limit + " bytes, over " + RATIO
                    + " times its compressed size: it is damaged or a decompression bomb; if the data is genuine,"
                    + " decompress it (gunzip) and load the plain file");
        }
    }
}
