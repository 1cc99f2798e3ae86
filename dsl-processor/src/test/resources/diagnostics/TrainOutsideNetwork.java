package test;

import dev.lamina.dsl.*;

/** @Train on a plain class would silently do nothing: one error for the class, naming each training annotation. */
@Train(epochs = 5)
@Adam(lr = 0.01)
@StepLr(stepSize = 2)
abstract class TrainOutsideNetwork { //! error lamina:train at "class": TrainOutsideNetwork: @Train @Adam @StepLr only means something on a class annotated with @Network; add @Network(input = ...) or remove them
}
