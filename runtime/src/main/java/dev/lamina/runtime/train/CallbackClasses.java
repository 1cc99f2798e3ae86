package dev.lamina.runtime.train;

/** Creates the callbacks a network names in {@code @Train(callbacks = ...)}. */
final class CallbackClasses {

    private CallbackClasses() {}

    static Class<? extends TrainingCallback> asCallbackClass(Class<?> type) {
        if (!TrainingCallback.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " does not implement "
                    + TrainingCallback.class.getName());
        }
        return type.asSubclass(TrainingCallback.class);
    }

    static TrainingCallback instantiate(Class<? extends TrainingCallback> type) {
        return UserClasses.instantiate(type, "callback");
    }
}
