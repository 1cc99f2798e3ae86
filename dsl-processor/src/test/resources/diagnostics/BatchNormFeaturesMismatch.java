package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class BatchNormFeaturesMismatch {
    @Linear(out = 300) @BatchNorm(features = 200) @ReLU Layer hidden; //! error lamina:shape at "200": hidden: @BatchNorm(features = 200) does not match the 300 features the @Linear before it produces; write @BatchNorm(features = 300)
    @Linear(out = 10) Layer logits;
}
