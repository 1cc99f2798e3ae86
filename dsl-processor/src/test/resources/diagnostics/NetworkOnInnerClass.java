package test;

import dev.lamina.dsl.*;

class NetworkOnInnerClass {
    @Network(input = 784)
    abstract class Inner { //! error lamina:target at "class": @Network class Inner is an inner class; declare it 'static'
        @Linear(out = 10) Layer logits;
    }
}
