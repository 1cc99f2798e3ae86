package test;

import dev.lamina.dsl.*;

/** A shared trunk with two heads: a stage that branches with @From and that nobody reads is an output. */
@Network(input = 2048)
abstract class GraphTwoHeadsIsValid {
    @Linear(out = 256) @BatchNorm @ReLU  Layer trunk;
    @From("trunk") @Linear(out = 12)     Layer toxicity;
    @From("trunk") @Linear(out = 1)      Layer solubility;
}
