package dev.lamina.examples;

import dev.lamina.dsl.Adam;
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
 * Regression on measured data: the pIC50 of 1,017 molecules of one ChEMBL series ({@link ChemblPic50Data}) from
 * their 2048-bit ECFP4 fingerprints, trained with mean squared error on one linear output. The target is not
 * standardised. Validation and test sets of 10% each, three seeds; the run keeps the epoch with the lowest
 * validation RMSE.
 */
@Network(input = 2048)
@Train(data = ChemblPic50Data.class, loss = Loss.MSE, epochs = 60, batchSize = 64)
@Adam(lr = 1e-3)
@Split(validation = 0.1, test = 0.1, seeds = {1, 2, 3})
@EarlyStopping(monitor = "val_rmse", patience = 8, restoreBest = true)
public abstract class ChemblPic50 {
    @Linear(out = 512) @ReLU @Dropout(0.2) Layer hidden1;
    @Linear(out = 128) @ReLU                Layer hidden2;
    @Linear(out = 1)                        Layer pic50;
}
