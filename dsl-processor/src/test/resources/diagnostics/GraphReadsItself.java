package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class GraphReadsItself {
    @Linear(out = 64) @ReLU                 Layer stem;
    @From("loop") @Linear(out = 64) @ReLU   Layer loop; //! error lamina:graph at '"loop"': loop: @From("loop") reads itself; a stage reads only inputs and the stages above it
    @Linear(out = 10)                       Layer logits;
}
