package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(loss = Loss.BCE_WITH_LOGITS) //! error lamina:loss at ".BCE_WITH_LOGITS": BceNeedsOneLogit: BCE-with-logits needs exactly one logit, but logits produces 10 (multi-label targets are not supported yet)
abstract class BceNeedsOneLogit {
    @Linear(out = 10) Layer logits;
}
