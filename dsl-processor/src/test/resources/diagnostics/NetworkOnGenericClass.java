package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class NetworkOnGenericClass<T> { //! error lamina:target at "class": @Network class NetworkOnGenericClass must not be generic: a network has one fixed architecture; remove the type parameters <T>
    @Linear(out = 10) Layer logits;
}
