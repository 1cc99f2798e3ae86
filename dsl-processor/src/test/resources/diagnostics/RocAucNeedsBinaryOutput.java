package test;

import dev.lamina.dsl.*;

/** ROC AUC exists only for one-logit networks, so a 10-class network cannot monitor it. */
@Network(input = 784)
@Train
@EarlyStopping(
        monitor = "test_roc_auc", //! error lamina:train at '"test_roc_auc"': RocAucNeedsBinaryOutput: @EarlyStopping(monitor = "test_roc_auc") names a metric the trainer never produces; it can watch train_loss, train_accuracy, val_loss, val_accuracy
        patience = 0) //! error lamina:range at "0": RocAucNeedsBinaryOutput: @EarlyStopping(patience = 0) is out of range: wait at least 1 epoch
abstract class RocAucNeedsBinaryOutput {
    @Linear(out = 10) Layer logits;
}
