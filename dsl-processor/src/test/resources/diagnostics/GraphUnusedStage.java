package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class GraphUnusedStage {
    @Linear(out = 64) @ReLU            Layer stem;
    @Linear(out = 64) @ReLU            Layer skipped; //! error lamina:graph at "skipped": skipped is unused: no stage reads it and it is not an output
    @From("stem") @Linear(out = 10)    Layer logits;
}
