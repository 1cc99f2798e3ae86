package test;

import dev.lamina.dsl.*;

@Network(input = 16)
@Train(loss = Loss.MSE) //! error lamina:loss at ".MSE": RegressionNeedsOneOutput: MSE without @Tasks on the data class predicts one number, but value produces 3 outputs; write @Linear(out = 1), or name the 3 targets with @Tasks on the data class
abstract class RegressionNeedsOneOutput {
    @Linear(out = 3) Layer value;
}
