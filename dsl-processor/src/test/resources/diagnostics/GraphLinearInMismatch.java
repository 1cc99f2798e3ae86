package test;

import dev.lamina.dsl.*;

/** A width check inside a graph names the stage's source; the rest of the graph is still checked once. */
@Network(inputs = {@Input(name = "fingerprint", shape = 2048), @Input(name = "descriptors", shape = 8)})
abstract class GraphLinearInMismatch {
    @From("fingerprint") @Linear(out = 256) @ReLU          Layer fp;
    @From("descriptors") @Linear(in = 2048, out = 16) @ReLU Layer desc; //! error lamina:shape at "2048": desc: @Linear expects 2048 input features, but descriptors produces 8
    @Concat({"fp", "desc"}) @Linear(out = 64) @ReLU        Layer joint;
    @Linear(out = 12)                                      Layer assays;
}
