package test;

import dev.lamina.dsl.*;

/** Widths whose products leave a long behind: one clear error, not a crash or a wrapped count. */
@Network(input = {2147483647, 2147483647, 4})
abstract class OversizedNetwork {
    @Flatten Layer flat; //! error lamina:range at "@Flatten": flat: at @Flatten of flat the network has more values or parameters than a long can count
    @Linear(out = 10) Layer logits;
}
