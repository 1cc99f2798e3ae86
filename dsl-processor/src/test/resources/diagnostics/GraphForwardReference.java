package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class GraphForwardReference {
    @Linear(out = 64) @ReLU                        Layer stem;
    @Add({"stem", "later"}) @Linear(out = 64) @ReLU Layer mixed; //! error lamina:graph at '"later"': mixed: @Add({"stem", "later"}) reads later, which comes later; mixed -> later -> mixed is a cycle: break it
    @Linear(out = 64)                              Layer later;
}
