package test;

import dev.lamina.dsl.*;

/** @Train on a plain class would silently do nothing. */
@Train(epochs = 5)
abstract class TrainOutsideNetwork { //! error lamina:train at "class": TrainOutsideNetwork: @Train only has a meaning on a class annotated with @Network
}
