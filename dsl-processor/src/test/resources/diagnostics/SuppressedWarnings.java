package test;

import dev.lamina.dsl.*;

/** Warnings the user has looked at and accepted stay quiet; errors cannot be suppressed. */
@Network(input = 784)
@SuppressWarnings("lamina:softmax")
abstract class SuppressedWarnings {
    @SuppressWarnings("lamina:activation")
    @Linear(out = 300) @ReLU @Sigmoid @Softmax Layer hidden;
    @Linear(out = 10) Layer logits;
}
