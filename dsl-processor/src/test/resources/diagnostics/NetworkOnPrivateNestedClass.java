package test;

import dev.lamina.dsl.*;

class NetworkOnPrivateNestedClass {
    @Network(input = 784)
    private abstract static class Hidden { //! error lamina:target at "class": @Network class Hidden must not be private: the generated NetworkOnPrivateNestedClass_HiddenNetwork extends it
        @Linear(out = 10) Layer logits;
    }
}
