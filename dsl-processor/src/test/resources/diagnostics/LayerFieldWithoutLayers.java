package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class LayerFieldWithoutLayers {
    @Linear(out = 10) Layer logits;
    Layer forgotten; //! error lamina:structure at "forgotten": forgotten: a field of type Layer needs at least one layer annotation
}
