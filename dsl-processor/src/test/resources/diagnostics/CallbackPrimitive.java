package test;

import dev.lamina.dsl.*;

@Network(input = 784)
@Train(callbacks = int.class) //! error lamina:train at ".class": CallbackPrimitive: @Train(callbacks = int.class) must implement dev.lamina.runtime.train.TrainingCallback
abstract class CallbackPrimitive {
    @Linear(out = 10) Layer logits;
}
