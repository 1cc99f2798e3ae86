package dev.lamina.examples;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.MinMaxScaler;
import dev.lamina.runtime.data.MnistCsv;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;

/**
 * MNIST as the seed notebook prepares it: the CSV files (60,000 training and 10,000 test images, label first,
 * then 784 pixels), each pixel column scaled with a {@link MinMaxScaler} fitted on the training set. Samples
 * have shape [784]; labels are the digits 0..9. The files are in {@code data/mnist/} (see data/README.md).
 */
public class MnistData implements DataSource<float[]> {

    public static final String TRAIN_FILE = "data/mnist/mnist_train.csv.gz";
    public static final String TEST_FILE = "data/mnist/mnist_test.csv.gz";

    public MnistData() {}

    @Override
    public TrainTestData load(DataContext context) throws IOException {
        return MnistCsv.loadScaled(context.resolve(TRAIN_FILE), context.resolve(TEST_FILE));
    }
}
