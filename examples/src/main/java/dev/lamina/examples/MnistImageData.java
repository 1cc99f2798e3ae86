package dev.lamina.examples;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.MnistCsv;
import dev.lamina.runtime.data.MnistLayout;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;

/** The same MNIST files as {@link MnistData}, min-max scaled the same way, as 1x28x28 images for convolutions. */
public class MnistImageData implements DataSource<float[]> {

    public MnistImageData() {}

    @Override
    public TrainTestData load(DataContext context) throws IOException {
        return MnistCsv.loadScaled(context.resolve(MnistData.TRAIN_FILE), context.resolve(MnistData.TEST_FILE),
                MnistLayout.IMAGE);
    }
}
