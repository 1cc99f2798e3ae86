package test;

import dev.lamina.dsl.*;

@Network(inputs = {@Input(name = "fingerprint", shape = 2048), @Input(name = "descriptors", shape = 8)})
abstract class GraphUnknownSource {
    @From("fingerprint") @Linear(out = 256) @ReLU   Layer fp;
    @From("descriptors") @Linear(out = 16) @ReLU    Layer desc;
    @Concat({"fp", "dsec"}) @Linear(out = 64) @ReLU Layer joint; //! error lamina:graph at '"dsec"': joint: @Concat({"fp", "dsec"}) names dsec, which is no input or stage; did you mean "desc"?
    @Linear(out = 12)                               Layer assays;
}
