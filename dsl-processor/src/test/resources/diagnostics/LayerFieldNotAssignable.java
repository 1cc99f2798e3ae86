package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class LayerFieldNotAssignable {
    @Linear(out = 300) private Layer hidden1; //! error lamina:structure at "hidden1": hidden1: a stage field must not be private, because the generated network assigns it; remove 'private'
    @Linear(out = 300) final Layer hidden2 = null; //! error lamina:structure at "hidden2": hidden2: a stage field must not be final
    @Linear(out = 10) static Layer logits; //! error lamina:structure at "logits": logits: a stage field must not be static
}
