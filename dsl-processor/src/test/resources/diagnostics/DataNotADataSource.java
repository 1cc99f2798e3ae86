package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(data = String.class) //! error lamina:train at ".class": DataNotADataSource: @Train(data = String.class) must implement dev.lamina.runtime.data.DataSource
abstract class DataNotADataSource {
    @Linear(out = 10) Layer logits;
}
