package test;

import dev.lamina.dsl.*;

/** A zero width is one error; the stages after it are not checked against an unknowable width. */
@Network(input = 784)
abstract class DimensionNotPositive {
    @Linear(out = 0) Layer hidden1; //! error lamina:range at "0": hidden1: @Linear(out = 0) must be positive
    @Linear(in = 300, out = 10) Layer hidden2;
    @Linear(in = -5, out = 10) Layer logits; //! error lamina:range at "-5": logits: @Linear(in = -5) must be positive
}
