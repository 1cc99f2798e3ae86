package dev.lamina.examples;

import dev.lamina.dsl.Adam;
import dev.lamina.dsl.BatchNorm;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.EarlyStopping;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Linear;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Network;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Split;
import dev.lamina.dsl.Train;

/**
 * The notebook's toxicity exercise (Tox21 SR-MMP): a 2048-bit circular fingerprint of a molecule in,
 * one logit out (toxic or not, trained with BCE-with-logits). Widths after the first are inferred.
 *
 * <p>With about 1,600 training molecules the network overfits within a few epochs, so training stops once the
 * validation ROC AUC has not improved for 3 epochs and keeps the best epoch's parameters. The notebook chose on
 * its test set; here {@code @Split} carves a validation set (10% of the training molecules) to choose on, and the
 * held-out 20% are scored once, with the chosen parameters.
 */
@Network(input = 2048)
@Train(data = Tox21SrMmpData.class, loss = Loss.BCE_WITH_LOGITS, epochs = 10, batchSize = 32)
@Adam(lr = 1e-3)
@Split(validation = 0.1)
@EarlyStopping(monitor = "val_roc_auc", patience = 3, restoreBest = true)
public abstract class Tox21SrMmp {
    @Linear(out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(out = 100) @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
    @Linear(out = 1)                                  Layer logit;
}
