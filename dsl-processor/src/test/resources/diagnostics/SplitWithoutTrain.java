package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Split //! error lamina:train at "@Split": SplitWithoutTrain: @Split only has a meaning next to @Train; add @Train to the network
abstract class SplitWithoutTrain {
    @Linear(out = 10) Layer logits;
}
