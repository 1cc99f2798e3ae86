package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

@Network(input = 784)
@Train(data = DataRawInputUndeclared.Pixels.class) //! error lamina:train at ".class": DataRawInputUndeclared: @Train(data = Pixels.class) implements DataSource without its raw input type; write implements DataSource<float[]> (features, images) or DataSource<String> (SMILES): the input the trained model predicts from
abstract class DataRawInputUndeclared {
    @Linear(out = 10) Layer logits;

    @SuppressWarnings("rawtypes")
    public static class Pixels implements DataSource {
        public Pixels() {}

        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
