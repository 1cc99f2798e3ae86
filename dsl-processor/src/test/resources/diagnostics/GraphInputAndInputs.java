package test;

import dev.lamina.dsl.*;

@Network(input = 784, inputs = {@Input(name = "x", shape = 784)}) //! error lamina:graph at "784,": GraphInputAndInputs: @Network gives both input and inputs
abstract class GraphInputAndInputs {
    @From("x") @Linear(out = 10) Layer logits;
}
