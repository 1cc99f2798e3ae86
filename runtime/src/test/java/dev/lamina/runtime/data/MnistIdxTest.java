package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistIdxTest {

    @TempDir
    Path dir;

    /** An IDX file as the format describes it: big-endian magic, big-endian dimensions, unsigned bytes. */
    private static byte[] idx(int magic, int[] dimensions, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.putInt(magic);
        for (int dimension : dimensions) {
            buffer.putInt(dimension);
        }
        return buffer.put(data).array();
    }

    /** Three 2x2 images: pixel values 0..11, the last one 255 to check unsigned reading. */
    private static byte[] images() {
        byte[] pixels = new byte[12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        pixels[11] = (byte) 255;
        return idx(MnistIdx.IMAGES_MAGIC, new int[] {3, 2, 2}, pixels);
    }

    private static byte[] labels(byte... labels) {
        return idx(MnistIdx.LABELS_MAGIC, new int[] {labels.length}, labels);
    }

    @Test
    void readsGzipImagesAndLabelsAsRawValues() throws IOException {
        Path images = TestFiles.bytes(dir, "images.gz", TestFiles.gzip(images()));
        Path labels = TestFiles.bytes(dir, "labels.gz", TestFiles.gzip(labels((byte) 7, (byte) 0, (byte) 9)));

        Dataset data = MnistIdx.load(images, labels);

        assertArrayEquals(new long[] {4}, data.sampleShape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255}, data.features());
        assertArrayEquals(new float[] {7, 0, 9}, data.labels());
        assertEquals(images + " sample 3", data.describeRow(2));
    }

    @Test
    void readsUncompressedFilesAndTheImageLayout() throws IOException {
        Dataset data = MnistIdx.load(TestFiles.bytes(dir, "images", images()),
                TestFiles.bytes(dir, "labels", labels((byte) 1, (byte) 2, (byte) 3)), MnistLayout.IMAGE);

        assertArrayEquals(new long[] {1, 2, 2}, data.sampleShape());
        assertEquals(255f, data.features()[11]);
    }

    @Test
    void swappedFilesAreRecognisedByTheirMagicNumbers() throws IOException {
        Path images = TestFiles.bytes(dir, "images", images());
        Path labels = TestFiles.bytes(dir, "labels", labels((byte) 1, (byte) 2, (byte) 3));

        assertEquals(labels + ": starts with magic number 0x00000801, expected 0x00000803 (IDX images): it holds"
                + " IDX labels; are images and labels swapped?",
                assertThrows(DataFormatException.class, () -> MnistIdx.load(labels, images)).getMessage());

        Path text = TestFiles.text(dir, "text.csv", "5,0,0,0,0,0,0,0\n");
        assertEquals(text + ": starts with magic number 0x352C302C, expected 0x00000803 (IDX images)",
                assertThrows(DataFormatException.class, () -> MnistIdx.load(text, labels)).getMessage());
    }

    @Test
    void countsOfImagesAndLabelsMustMatch() throws IOException {
        Path images = TestFiles.bytes(dir, "images", images());
        Path twoLabels = TestFiles.bytes(dir, "labels", labels((byte) 1, (byte) 2));

        assertEquals(twoLabels + ": holds 2 labels, but " + images + " holds 3 images: the two files do not belong"
                + " together", assertThrows(DataFormatException.class, () -> MnistIdx.load(images, twoLabels))
                        .getMessage());
    }

    @Test
    void truncatedFilesAreNamed() throws IOException {
        Path labels = TestFiles.bytes(dir, "labels", labels((byte) 1, (byte) 2, (byte) 3));
        byte[] bigImages = idx(MnistIdx.IMAGES_MAGIC, new int[] {100, 28, 28}, pseudoRandomPixels(100 * 784));
        Path cutGzip = TestFiles.bytes(dir, "cut.gz", TestFiles.truncatedGzip(bigImages));
        assertEquals(cutGzip + ": the gzip data ends early: the file is truncated (an interrupted download or"
                + " copy?)", assertThrows(DataFormatException.class, () -> MnistIdx.load(cutGzip, labels))
                        .getMessage());

        Path cutPlain = TestFiles.bytes(dir, "cut", Arrays.copyOf(images(), 20));
        assertEquals(cutPlain + ": is truncated: its header announces 12 bytes of data, but only 4 follow",
                assertThrows(DataFormatException.class, () -> MnistIdx.load(cutPlain, labels)).getMessage());

        Path cutHeader = TestFiles.bytes(dir, "header", Arrays.copyOf(images(), 6));
        assertEquals(cutHeader + ": ends inside its header: it is not a complete IDX file",
                assertThrows(DataFormatException.class, () -> MnistIdx.load(cutHeader, labels)).getMessage());
    }

    @Test
    void extraDataAndNonDigitLabelsAreRejected() throws IOException {
        Path images = TestFiles.bytes(dir, "images", images());
        Path longer = TestFiles.bytes(dir, "longer", Arrays.copyOf(images(), images().length + 1));
        Path labels = TestFiles.bytes(dir, "labels", labels((byte) 1, (byte) 2, (byte) 3));
        assertEquals(longer + ": has more data than its header announces (12 bytes): it is not a valid IDX file",
                assertThrows(DataFormatException.class, () -> MnistIdx.load(longer, labels)).getMessage());

        Path badLabels = TestFiles.bytes(dir, "bad-labels", labels((byte) 1, (byte) 200, (byte) 3));
        assertEquals(badLabels + ": label 2 is 200, not a digit 0..9",
                assertThrows(DataFormatException.class, () -> MnistIdx.load(images, badLabels)).getMessage());
    }

    private static byte[] pseudoRandomPixels(int count) {
        byte[] pixels = new byte[count];
        new java.util.Random(5).nextBytes(pixels); // incompressible, so half the gzip is half the data
        return pixels;
    }
}
