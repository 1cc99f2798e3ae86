package test;

import dev.lamina.dsl.*;

/** The mistyped field's layers still feed the next stage: one error, not a second one on logits. */
@Network(input = 784)
abstract class AnnotatedFieldNotLayer {
    @Linear(in = 784, out = 300) Object hidden; //! error lamina:structure at "@Linear": hidden: layer annotations belong on a field of type dev.lamina.dsl.Layer, but hidden is of type java.lang.Object; declare it as 'Layer hidden;'
    @Linear(in = 300, out = 10) Layer logits;
}
