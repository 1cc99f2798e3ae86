package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@Adam(
        eps = Double.POSITIVE_INFINITY, //! error lamina:range at ".POSITIVE_INFINITY": InfiniteTrainingValues: @Adam(eps = Infinity) is out of range: must be a finite positive number
        weightDecay = 1.0 / 0) //! error lamina:range at "/": InfiniteTrainingValues: @Adam(weightDecay = Infinity) is out of range: must be a finite number, 0 or more
abstract class InfiniteTrainingValues {
    @Linear(out = 10) Layer logits;
}
