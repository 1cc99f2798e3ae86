package test;

import dev.lamina.dsl.*;

@Network(input = {784, 0}) //! error lamina:range at "0}": InputNotPositive: @Network input dimension 2 is 0
abstract class InputNotPositive {
    @Linear(out = 10) Layer logits;
}
