package test;

import dev.lamina.dsl.*;

@Network(input = {1, 28, 28})
abstract class LinearNeedsFlatInput {
    @Linear(out = 10) Layer logits; //! error lamina:shape at "@Linear": logits: @Linear needs flat input of shape (N, features), but the network input produces (N, 1, 28, 28); add @Flatten before it (it would produce 784 features)
}
