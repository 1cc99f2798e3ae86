package dev.lamina.examples;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.NetworkTests;
import dev.lamina.dsl.ReLU;

/** Opted out: no tests are generated for it. */
@Network(input = 16)
@NetworkTests(enabled = false)
public abstract class Untested {
    @Linear(out = 8) @ReLU Layer hidden;
    @Linear(out = 2) Layer logits;
}
