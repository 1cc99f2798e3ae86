package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

@Network(input = 784)
@Train(data = DataNotInstantiable.Files.class) //! error lamina:train at ".class": DataNotInstantiable: @Train(data = Files.class) needs to be a public, non-abstract, top-level or static class with a public constructor without parameters
abstract class DataNotInstantiable {
    @Linear(out = 10) Layer logits;

    public static class Files implements DataSource<float[]> {
        Files(String folder) {}

        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
