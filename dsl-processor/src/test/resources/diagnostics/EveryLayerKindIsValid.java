package test;

import dev.lamina.dsl.*;

/** Every layer annotation, inferred widths, a custom name and a 1-output head: valid, generated, compiled. */
@Network(name = "Everything", input = 32)
abstract class EveryLayerKindIsValid {
    @Linear(out = 16) @BatchNorm(eps = 1e-3, momentum = 0.01) @LeakyReLU(0.2) @Dropout(0.0) Layer a;
    @Linear(out = 8) @Tanh Layer b;
    @Linear(out = 8) @GELU Layer g;
    @Linear(out = 4) @BatchNorm(features = 4) @ReLU Layer c;
    @Linear(in = 4, out = 1) @Sigmoid Layer d;
}
