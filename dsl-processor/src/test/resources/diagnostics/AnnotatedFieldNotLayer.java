package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class AnnotatedFieldNotLayer {
    @Linear(out = 300) Layer hidden;
    @Linear(out = 10) Object logits; //! error lamina:structure at "@Linear": logits: layer annotations belong on a field of type dev.lamina.dsl.Layer, but logits is of type java.lang.Object; declare it as 'Layer logits;'
}
