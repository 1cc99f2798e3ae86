package test;

import dev.lamina.dsl.*;

/**
 * A data class no round produces: the network waits for it round after round, and in the end the
 * error is javac's alone, on the attribute; Lamina adds none and generates nothing.
 */
@Network(input = 4)
@Train(data = NobodyGeneratesThis.class) //! error javac at "NobodyGeneratesThis": cannot find symbol
abstract class UnresolvedDataClass {
    @Linear(out = 3) Layer logits;
}
