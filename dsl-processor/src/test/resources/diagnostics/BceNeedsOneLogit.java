package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(loss = Loss.BCE_WITH_LOGITS) //! error lamina:loss at ".BCE_WITH_LOGITS": BceNeedsOneLogit: BCE-with-logits without @Tasks on the data class predicts one yes/no task from one logit, but logits produces 10; write @Linear(out = 1), use @Train(loss = Loss.CROSS_ENTROPY) for 10 classes, or name 10 yes/no tasks with @Tasks on the data class
abstract class BceNeedsOneLogit {
    @Linear(out = 10) Layer logits;
}
