package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train
@EarlyStopping(monitor = "val_loss") //! error lamina:train at '"val_loss"': UnknownMonitor: @EarlyStopping(monitor = "val_loss") names a metric the trainer never produces (did you mean "test_loss"?); it produces train_loss, train_accuracy, test_loss, test_accuracy
abstract class UnknownMonitor {
    @Linear(out = 10) Layer logits;
}
