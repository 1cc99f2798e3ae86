package test;

import dev.lamina.dsl.*;

@Network(input = 2048)
@Train //! error lamina:loss at "@Train": cross-entropy needs one logit per class (at least 2), but logit produces 1
abstract class CrossEntropyByDefaultNeedsClasses {
    @Linear(out = 1) Layer logit;
}
