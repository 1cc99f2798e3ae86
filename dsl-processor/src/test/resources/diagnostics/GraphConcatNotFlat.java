package test;

import dev.lamina.dsl.*;

@Network(inputs = {@Input(name = "image", shape = {1, 28, 28}), @Input(name = "extra", shape = 4)})
abstract class GraphConcatNotFlat {
    @From("image") @Conv2d(out = 4, kernel = 3) @ReLU        Layer features;
    @Concat({"features", "extra"}) @Linear(out = 10)         Layer logits; //! error lamina:graph at '"features"': logits: @Concat({"features", "extra"}) joins flat features, but features is (N, 4, 26, 26); end features with @Flatten
}
