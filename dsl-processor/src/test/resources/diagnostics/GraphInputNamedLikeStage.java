package test;

import dev.lamina.dsl.*;

@Network(inputs = {@Input(name = "fp", shape = 8), @Input(name = "b", shape = 8)}) //! error lamina:graph at '@Input(name = "fp"': GraphInputNamedLikeStage: input name "fp" is also the name of a stage
abstract class GraphInputNamedLikeStage {
    @From("b") @Linear(out = 4) Layer fp;
}
