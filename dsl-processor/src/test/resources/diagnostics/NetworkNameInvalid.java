package test;

import dev.lamina.dsl.*;

@Network(name = "Mnist */ evil", input = 784) //! error lamina:range at '"Mnist': NetworkNameInvalid: @Network(name = "Mnist */ evil") may only use letters, digits
abstract class NetworkNameInvalid {
    @Linear(out = 10) Layer logits;
}
