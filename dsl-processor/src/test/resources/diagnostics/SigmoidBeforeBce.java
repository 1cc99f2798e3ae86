package test;

import dev.lamina.dsl.*;

@Network(input = 2048)
@Train(loss = Loss.BCE_WITH_LOGITS)
abstract class SigmoidBeforeBce {
    @Linear(out = 1) @Sigmoid Layer probability; //! warning lamina:loss at "@Sigmoid": probability: @Sigmoid at the end of a network trained with BCE-with-logits applies it twice
}
