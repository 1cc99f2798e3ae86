package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class BatchNormFeaturesNotPositive {
    @Linear(out = 30) @BatchNorm(features = 0) Layer hidden; //! error lamina:range at "0) Layer": hidden: @BatchNorm(features = 0) must be positive
}
