package test;

import dev.lamina.dsl.*;

@Network(inputs = {@Input(name = "fingerprint", shape = 2048),
        @Input(name = "descriptors", shape = 8)}) //! error lamina:graph at '@Input(name = "descriptors"': input descriptors: no stage reads it; read it with @From("descriptors") or remove it
abstract class GraphUnusedInput {
    @From("fingerprint") @Linear(out = 16) @ReLU Layer fp;
    @Linear(out = 1)                             Layer logit;
}
