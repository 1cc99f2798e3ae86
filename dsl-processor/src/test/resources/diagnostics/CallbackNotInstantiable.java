package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.train.TrainingCallback;

@Network(input = 784)
@Train(callbacks = CallbackNotInstantiable.Logger.class) //! error lamina:train at ".class": CallbackNotInstantiable: @Train(callbacks = Logger.class) needs to be a public, non-abstract, top-level or static class with a public constructor without parameters
abstract class CallbackNotInstantiable {
    @Linear(out = 10) Layer logits;

    public static class Logger implements TrainingCallback {
        Logger(String file) {}
    }
}
