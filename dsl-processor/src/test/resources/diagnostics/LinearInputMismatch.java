package test;

import dev.lamina.dsl.*;

/** The headline case: a Linear whose input width disagrees with the stage before it. */
@Network(input = 784)
abstract class LinearInputMismatch {
    @Linear(in = 784, out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(in = 200, out = 10) Layer logits; //! error lamina:shape at "200": logits: @Linear expects 200 input features, but hidden1 produces 300; write @Linear(in = 300, out = 10), or leave out 'in' to infer it
}
