package test;

import dev.lamina.dsl.*;

/** The default monitor, val_loss, needs the validation set that @Split carves out. */
@Network(input = 784)
@Train
@EarlyStopping(patience = 2) //! error lamina:train at "@EarlyStopping": MonitorNeedsValidation: @EarlyStopping(monitor = "val_loss") needs a validation set, but the network has no @Split; add @Split(validation = 0.1), or monitor "train_loss"
abstract class MonitorNeedsValidation {
    @Linear(out = 10) Layer logits;
}

@Network(input = 784)
@Train(loss = Loss.HUBER)
@Split(validation = 0, test = 0.2)
@EarlyStopping(monitor = "val_rmse") //! error lamina:train at '"val_rmse"': ZeroValidation: @EarlyStopping(monitor = "val_rmse") needs a validation set, but @Split(validation = 0) carves none; write @Split(validation = 0.1), or monitor "train_loss"
abstract class ZeroValidation {
    @Linear(out = 1) Layer value;
}
