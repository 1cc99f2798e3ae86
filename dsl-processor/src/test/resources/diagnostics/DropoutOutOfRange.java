package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class DropoutOutOfRange {
    @Linear(out = 300) @Dropout(1.0) Layer hidden1; //! error lamina:range at "1.0": hidden1: @Dropout(1.0) is out of range: p is the probability of dropping an element and must be in [0, 1)
    @Linear(out = 300) @Dropout(-0.1) Layer hidden2; //! error lamina:range at "-0.1": hidden2: @Dropout(-0.1) is out of range
    @Linear(out = 10) @Dropout(Double.NaN) Layer logits; //! error lamina:range at ".NaN": logits: @Dropout(NaN) is out of range
}
