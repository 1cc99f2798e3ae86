package test;

import dev.lamina.dsl.*;

/** The seed notebook's network compiles without a single diagnostic, generated code included. */
@Network(input = 784)
abstract class SeedNetworkIsValid {
    @Linear(in = 784, out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(in = 300, out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
    @Linear(in = 300, out = 10) Layer logits;
}
