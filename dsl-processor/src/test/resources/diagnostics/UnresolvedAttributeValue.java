package test;

import dev.lamina.dsl.*;

/** A value javac cannot resolve is javac's error alone; the processor neither crashes nor piles on. */
@Network(input = 784)
abstract class UnresolvedAttributeValue {
    @Linear(out = WIDTH) Layer hidden; //! error javac at "WIDTH": cannot find symbol
    @Linear(out = 10) Layer logits;
}
