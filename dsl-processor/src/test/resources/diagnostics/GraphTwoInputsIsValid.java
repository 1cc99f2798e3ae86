package test;

import dev.lamina.dsl.*;

/** README's two inputs: a fingerprint and descriptors, concatenated (256 + 16 = 272 features into joint). */
@Network(inputs = {@Input(name = "fingerprint", shape = 2048), @Input(name = "descriptors", shape = 8)})
abstract class GraphTwoInputsIsValid {
    @From("fingerprint") @Linear(out = 256) @ReLU   Layer fp;
    @From("descriptors") @Linear(out = 16) @ReLU    Layer desc;
    @Concat({"fp", "desc"}) @Linear(out = 64) @ReLU Layer joint;
    @Linear(out = 12)                               Layer assays;
}
