package dev.lamina.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes NumPy's {@code .npy} format (version 1.0), which {@code numpy.load} reads without any other library:
 * the magic {@code \x93NUMPY}, version 1 0, a little-endian 2-byte header length, an ASCII dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, m), }} padded with spaces and ending in a newline
 * so that the data starts at a multiple of 64 bytes, then the values, row-major, little-endian.
 */
final class NpyFiles {

    private NpyFiles() {}

    static void writeUint8(Path file, byte[] values, int rows, int columns) throws IOException {
        write(file, "|u1", rows, columns, values);
    }

    static void writeFloat32(Path file, float[] values, int rows, int columns) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        write(file, "<f4", rows, columns, data.array());
    }

    /** A one-dimensional array of 32-bit integers. */
    static void writeInt32(Path file, int[] values) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asIntBuffer().put(values);
        write(file, "<i4", values.length, -1, data.array());
    }

    private static void write(Path file, String descr, int rows, int columns, byte[] data) throws IOException {
        String shape = columns < 0 ? "(" + rows + ",)" : "(" + rows + ", " + columns + ")";
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': "
                + shape + ", }");
        int preamble = 10; // magic (6), version (2), header length (2)
        while ((preamble + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(text.length & 0xff);
            out.write(text.length >>> 8);
            out.write(text);
            out.write(data);
        }
    }
}
