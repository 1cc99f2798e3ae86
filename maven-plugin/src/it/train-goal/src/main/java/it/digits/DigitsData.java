package it.digits;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.MnistCsv;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;

/** 400 MNIST training and 100 test images; the training file can be swapped with -Dit.train to test bad data. */
public class DigitsData implements DataSource<float[]> {

    @Override
    public TrainTestData load(DataContext context) throws IOException {
        String train = System.getProperty("it.train", "data/train.csv.gz");
        return MnistCsv.loadScaled(context.resolve(train), context.resolve("data/test.csv.gz"));
    }
}
