package test;

import dev.lamina.dsl.*;

/** The test set only scores the chosen model: watching it is its own error, naming the validation twin. */
@Network(input = 2048)
@Train(loss = Loss.BCE_WITH_LOGITS)
@Split(validation = 0.1)
@EarlyStopping(monitor = "test_roc_auc") //! error lamina:train at '"test_roc_auc"': MonitorTestMetric: @EarlyStopping(monitor = "test_roc_auc") would choose the epoch on the test set, but the test set only scores the chosen model (a choice made on it makes its score optimistic); monitor "val_roc_auc"
abstract class MonitorTestMetric {
    @Linear(out = 1) Layer logit;
}

/** Without a validation set, the same error says how to get one, and nothing else is reported. */
@Network(input = 784)
@Train
@EarlyStopping(monitor = "test_loss") //! error lamina:train at '"test_loss"': MonitorTestLossWithoutSplit: @EarlyStopping(monitor = "test_loss") would choose the epoch on the test set, but the test set only scores the chosen model (a choice made on it makes its score optimistic); monitor "val_loss" with a validation set: add @Split(validation = 0.1)
abstract class MonitorTestLossWithoutSplit {
    @Linear(out = 10) Layer logits;
}
