package dev.lamina.runtime.train;

import java.lang.reflect.InvocationTargetException;

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
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            // What the constructor threw is the user's own message; pass it on as it is.
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new TrainingException("could not create the callback " + type.getName() + ": " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TrainingException("could not create the callback " + type.getName()
                    + " (it needs a public constructor without arguments): " + e, e);
        }
    }
}
