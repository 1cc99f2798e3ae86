package dev.lamina.runtime.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * MNIST (or Fashion-MNIST) in the original IDX files, e.g. {@code t10k-images-idx3-ubyte.gz} with
 * {@code t10k-labels-idx1-ubyte.gz}, gzip-compressed or not. IDX: a big-endian int32 magic number (0x00000803
 * for images, 0x00000801 for labels), one big-endian int32 per dimension, then unsigned bytes.
 *
 * <p>Pixels are returned raw, 0..255 as floats, not divided by 255: then this loader and {@link MnistCsv} give
 * identical data sets, and the scaling is a visible, separate step ({@link MinMaxScaler}, as the notebook does,
 * or your own). Labels are class indices 0..9 stored as floats.
 */
public final class MnistIdx {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private MnistIdx() {}

    /** Samples of shape [rows * cols], e.g. [784]. */
    public static Dataset load(Path images, Path labels) throws IOException {
        return load(images, labels, MnistLayout.FLAT);
    }

    /** Samples of shape [rows * cols] or [1, rows, cols]. */
    public static Dataset load(Path images, Path labels, MnistLayout layout) throws IOException {
        int[] imageDimensions = new int[3];
        byte[] pixels = read(images, IMAGES_MAGIC, imageDimensions);
        int[] labelDimensions = new int[1];
        byte[] labelBytes = read(labels, LABELS_MAGIC, labelDimensions);
        if (labelDimensions[0] != imageDimensions[0]) {
            throw new DataFormatException(labels, "holds " + labelDimensions[0] + " labels, but " + images
                    + " holds " + imageDimensions[0] + " images: the two files do not belong together");
        }
        float[] labelValues = new float[labelBytes.length];
        for (int i = 0; i < labelBytes.length; i++) {
            int label = labelBytes[i] & 0xFF;
            if (label > 9) {
                throw new DataFormatException(labels, "label " + (i + 1) + " is " + label + ", not a digit 0..9");
            }
            labelValues[i] = label;
        }
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = pixels[i] & 0xFF;
        }
        return Dataset.of(images.toString(), features,
                layout.sampleShape(imageDimensions[1], imageDimensions[2]), labelValues);
    }

    /** Checks the header of an IDX file of {@code dimensions.length} dimensions, fills them in, returns the data. */
    private static byte[] read(Path file, int expectedMagic, int[] dimensions) throws IOException {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            long size = 1;
            try {
                int magic = in.readInt();
                if (magic != expectedMagic) {
                    throw new DataFormatException(file, String.format(
                            "starts with magic number 0x%08X, expected 0x%08X (IDX %s)%s", magic, expectedMagic,
                            describe(expectedMagic), magic == IMAGES_MAGIC || magic == LABELS_MAGIC
                                    ? ": it holds IDX " + describe(magic) + "; are images and labels swapped?"
                                    : ""));
                }
                for (int d = 0; d < dimensions.length; d++) {
                    dimensions[d] = in.readInt();
                    if (dimensions[d] <= 0) {
                        throw new DataFormatException(file, "dimension " + (d + 1) + " in the header is "
                                + dimensions[d] + "; it must be positive");
                    }
                    // Three dimensions up to 2^31 overflow even a long: stop once past what an array holds.
                    size = Math.min(size * dimensions[d], Integer.MAX_VALUE);
                }
            } catch (EOFException e) {
                throw new DataFormatException(file, "ends inside its header: it is not a complete IDX file", e);
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, "its header announces " + size + " bytes of data, more than"
                        + " one Java array holds");
            }
            // Read what is there rather than allocate what the header announces: a 16-byte file may claim 2 GB.
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new DataFormatException(file, "is truncated: its header announces " + size
                        + " bytes of data, but only " + data.length + " follow");
            }
            if (in.read() != -1) {
                throw new DataFormatException(file, "has more data than its header announces (" + data.length
                        + " bytes): it is not a valid IDX file");
            }
            return data;
        }
    }

    private static String describe(int magic) {
        return magic == IMAGES_MAGIC ? "images" : "labels";
    }
}
