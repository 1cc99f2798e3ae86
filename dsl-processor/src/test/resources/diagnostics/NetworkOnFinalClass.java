package test;

import dev.lamina.dsl.*;

@Network(input = 784)
final class NetworkOnFinalClass { //! error lamina:target at "class": @Network class NetworkOnFinalClass must not be final: the generated NetworkOnFinalClassNetwork extends it; remove 'final'
    @Linear(out = 10) Layer logits;
}
