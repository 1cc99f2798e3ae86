package test;

import dev.lamina.dsl.*;

@Network(input = {}) //! error lamina:range at "{}": InputMissing: @Network input names no dimension
abstract class InputMissing {
    @Linear(out = 10) Layer logits;
}
