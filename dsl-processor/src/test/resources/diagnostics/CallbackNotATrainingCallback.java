package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.train.TrainingCallback;

@Network(input = 784)
@Train(callbacks = {CallbackNotATrainingCallback.Fine.class, String.class}) //! error lamina:train at ".class}": CallbackNotATrainingCallback: @Train(callbacks = String.class) must implement dev.lamina.runtime.train.TrainingCallback
abstract class CallbackNotATrainingCallback {
    @Linear(out = 10) Layer logits;

    public static class Fine implements TrainingCallback {}
}
