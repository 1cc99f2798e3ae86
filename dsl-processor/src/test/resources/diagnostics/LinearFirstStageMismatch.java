package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class LinearFirstStageMismatch {
    @Linear(in = 728, out = 300) Layer hidden; //! error lamina:shape at "728": hidden: @Linear expects 728 input features, but the network input produces 784
    @Linear(in = 300, out = 10) Layer logits;
}
