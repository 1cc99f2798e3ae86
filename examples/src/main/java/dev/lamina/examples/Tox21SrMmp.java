package dev.lamina.examples;

import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;

/**
 * The notebook's toxicity exercise (Tox21 SR-MMP): a 2048-bit circular fingerprint of a molecule in,
 * one logit out (toxic or not, trained with BCE-with-logits). Widths after the first are inferred.
 */
@Network(input = 2048)
public abstract class Tox21SrMmp {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(out = 100) @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
    @Linear(out = 1)                                  Layer logit;
}
