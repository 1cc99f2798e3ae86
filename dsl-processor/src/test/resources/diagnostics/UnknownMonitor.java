package test;

import dev.lamina.dsl.*;

/** A misspelt metric gets the closest name the network has; Keras' bare "accuracy" is the training set's. */
@Network(input = 784)
@Train
@Split
@EarlyStopping(monitor = "val_acuracy") //! error lamina:train at '"val_acuracy"': UnknownMonitor: @EarlyStopping(monitor = "val_acuracy") names a metric the trainer never produces (did you mean "val_accuracy"?); it can watch train_loss, train_accuracy, val_loss, val_accuracy
abstract class UnknownMonitor {
    @Linear(out = 10) Layer logits;
}

@Network(input = 784)
@Train(loss = Loss.MSE)
@EarlyStopping(monitor = "accuracy") //! error lamina:train at '"accuracy"': KerasAccuracy: @EarlyStopping(monitor = "accuracy") names a metric the trainer never produces; it can watch train_loss, val_loss, val_rmse, val_mae, val_r2
abstract class KerasAccuracy {
    @Linear(out = 1) Layer value;
}

@Network(input = 784)
@Train(loss = Loss.BCE_WITH_LOGITS)
@Split
@EarlyStopping(monitor = "accuracy") //! error lamina:train at '"accuracy"': KerasBinaryAccuracy: @EarlyStopping(monitor = "accuracy") names a metric the trainer never produces (did you mean "train_accuracy"?); it can watch train_loss, train_accuracy, val_loss, val_accuracy, val_roc_auc, val_pr_auc
abstract class KerasBinaryAccuracy {
    @Linear(out = 1) Layer logit;
}
