package test;

import dev.lamina.dsl.*;

/** A stage reported for its modifiers still feeds the next stage, so each mistake is one error. */
@Network(input = 784)
abstract class LayerFieldNotAssignable {
    @Linear(in = 784, out = 300) private Layer hidden1; //! error lamina:structure at "hidden1": hidden1: a stage field must not be private, because the generated network assigns it; remove 'private'
    @Linear(in = 300, out = 200) final Layer hidden2 = null; //! error lamina:structure at "hidden2": hidden2: a stage field must not be final
    @Linear(in = 200, out = 100) static Layer hidden3; //! error lamina:structure at "hidden3": hidden3: a stage field must not be static
    @Linear(in = 100, out = 10) Layer logits;
}
