package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class TwoActivationsInARow {
    @Linear(out = 300) @ReLU @Sigmoid Layer hidden; //! warning lamina:activation at "@Sigmoid": hidden: @Sigmoid directly follows @ReLU; two activations in a row are rarely intended
    @Tanh Layer squash; //! warning lamina:activation at "@Tanh": squash: @Tanh directly follows @Sigmoid
    @Linear(out = 10) Layer logits;
}
