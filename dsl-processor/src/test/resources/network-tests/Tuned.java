package dev.lamina.examples;

import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.NetworkTests;
import dev.lamina.dsl.Sigmoid;

/** Tuned tests for a one-logit network without BatchNorm: no BatchNorm test, BCE loss, its own batch size. */
@Network(input = 16)
@NetworkTests(batchSize = 8, steps = 200, tolerance = 1e-4)
public abstract class Tuned {
    @Linear(out = 8) @Sigmoid @Dropout(0.5) Layer hidden;
    @Linear(out = 1) Layer logit;
}
