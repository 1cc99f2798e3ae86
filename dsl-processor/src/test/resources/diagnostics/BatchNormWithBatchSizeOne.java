package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(batchSize = 1) //! error lamina:train at "1": BatchNormWithBatchSizeOne: @Train(batchSize = 1) cannot train the @BatchNorm in hidden: batch statistics need at least 2 samples per batch
abstract class BatchNormWithBatchSizeOne {
    @Linear(out = 300) @BatchNorm @ReLU Layer hidden;
    @Linear(out = 10) Layer logits;
}
