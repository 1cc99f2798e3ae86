package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class NetworkWithoutCallableConstructor { //! error lamina:target at "class": needs a constructor without parameters that is not private
    @Linear(out = 10) Layer logits;

    NetworkWithoutCallableConstructor(int width) {}
}
