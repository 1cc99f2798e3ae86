package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(
        epochs = 0, //! error lamina:range at "0": TrainingRanges: @Train(epochs = 0) is out of range: train for at least 1 epoch
        batchSize = -4) //! error lamina:range at "-4": TrainingRanges: @Train(batchSize = -4) is out of range: a minibatch holds at least 1 sample
@Sgd(
        lr = 0, //! error lamina:range at "0": TrainingRanges: @Sgd(lr = 0.0) is out of range: the learning rate must be positive
        momentum = 1.0) //! error lamina:range at "1.0": TrainingRanges: @Sgd(momentum = 1.0) is out of range: momentum must be in [0, 1)
abstract class TrainingRanges {
    @Linear(out = 10) Layer logits;
}
