package test;

import dev.lamina.dsl.*;

@Network(input = 2048)
@Train(loss = Loss.CROSS_ENTROPY) //! error lamina:loss at ".CROSS_ENTROPY": CrossEntropyNeedsClasses: cross-entropy needs one logit per class (at least 2), but logit produces 1; for a yes/no target use @Train(loss = Loss.BCE_WITH_LOGITS)
abstract class CrossEntropyNeedsClasses {
    @Linear(out = 100) @ReLU Layer hidden;
    @Linear(out = 1) Layer logit;
}
