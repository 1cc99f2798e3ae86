package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.TrainingCallback;

@Network(input = 784)
@Train(epochs = 2, callbacks = {CallbacksAreValid.PrintEpochs.class, CallbacksAreValid.Nothing.class})
abstract class CallbacksAreValid {
    @Linear(out = 10) Layer logits;

    public static class PrintEpochs implements TrainingCallback {
        @Override
        public void onEpochEnd(EpochResult epoch) {
            System.out.println(epoch.epoch());
        }
    }

    public static final class Nothing implements TrainingCallback {
        public Nothing() {}
    }
}
