package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@NetworkTests(
        batchSize = 1, //! error lamina:range at "1": NetworkTestsRanges: @NetworkTests(batchSize = 1) is out of range: the tests compare samples within a batch; use at least 2
        steps = 0) //! error lamina:range at "0": NetworkTestsRanges: @NetworkTests(steps = 0) is out of range: the learning test needs at least 1 step
abstract class NetworkTestsRanges {
    @Linear(out = 10) Layer logits;
}
