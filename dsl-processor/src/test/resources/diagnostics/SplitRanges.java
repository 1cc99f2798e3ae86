package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@Split(
        validation = 1.0, //! error lamina:split at "1.0": SplitRanges: @Split(validation = 1.0) is out of range: a share of the data must be in [0, 1), as in @Split(validation = 0.1)
        test = -0.1, //! error lamina:split at "-0.1": SplitRanges: @Split(test = -0.1) is out of range: a share of the data must be in [0, 1), as in @Split(test = 0.1)
        seeds = {1, 2, 1, 3, 1}) //! error lamina:split at "1, 3": SplitRanges: @Split(seeds = {1, 2, 1, 3, 1}) repeats the seed 1, which would repeat a run
abstract class SplitRanges {
    @Linear(out = 10) Layer logits;
}

@Network(input = 784)
@Train
@Split(validation = 0.5, test = 0.5) //! error lamina:split at "@Split": NoTrainingLeft: @Split(validation = 0.5, test = 0.5) leaves no training data: the shares add up to 1.0; keep their sum below 1, as in @Split(validation = 0.1, test = 0.1)
abstract class NoTrainingLeft {
    @Linear(out = 10) Layer logits;
}
