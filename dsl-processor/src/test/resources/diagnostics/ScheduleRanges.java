package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@StepLr(
        stepSize = 0, //! error lamina:range at "0": ScheduleRanges: @StepLr(stepSize = 0) is out of range: at least 1 epoch
        gamma = 1.5) //! error lamina:range at "1.5": ScheduleRanges: @StepLr(gamma = 1.5) is out of range: must be in (0, 1]
abstract class ScheduleRanges {
    @Linear(out = 10) Layer logits;
}
