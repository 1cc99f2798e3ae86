package dev.lamina.runtime.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Decompressed content whose read errors name the file: {@code GZIPInputStream} reports a truncated file as
 * "Unexpected end of ZLIB input stream" and a damaged one as a bare {@code ZipException}, which tell the user
 * neither which file nor what to do.
 */
final class FileNamingInputStream extends FilterInputStream {

    private final Path file;

    FileNamingInputStream(Path file, InputStream decompressed) {
        super(decompressed);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (EOFException | ZipException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (EOFException | ZipException e) {
            throw damaged(e);
        }
    }

    private DataFormatException damaged(IOException e) {
        String problem = e instanceof EOFException
                ? "the gzip data ends early: the file is truncated (an interrupted download or copy?)"
                : "the gzip data is corrupt (" + e.getMessage() + ")";
        return new DataFormatException(file, problem, e);
    }
}
