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
import dev.lamina.dsl.SplitMethod;
import dev.lamina.dsl.Train;

/**
 * Tox21 as practitioners benchmark it: the 12 assays at once, one logit per assay, trained with BCE-with-logits
 * masked where a molecule has no label for an assay ({@link Tox21Data}). Validation and test sets of 10% each are
 * carved out at random (or by Bemis-Murcko scaffold, with {@code -Dlamina.split=scaffold}); the run is repeated
 * over three seeds and reports the mean ROC AUC per assay and over all twelve, with its standard deviation.
 */
@Network(input = 2048)
@Train(data = Tox21Data.class, loss = Loss.BCE_WITH_LOGITS, epochs = 40, batchSize = 64)
@Adam(lr = 1e-3)
@Split(validation = 0.1, test = 0.1, method = SplitMethod.RANDOM, seeds = {1, 2, 3})
@EarlyStopping(monitor = "val_roc_auc", patience = 5, restoreBest = true)
public abstract class Tox21Multitask {
    @Linear(out = 512) @BatchNorm @ReLU @Dropout(0.3) Layer hidden1;
    @Linear(out = 128) @BatchNorm @ReLU @Dropout(0.3) Layer hidden2;
    @Linear(out = 12)                                 Layer assays;
}
