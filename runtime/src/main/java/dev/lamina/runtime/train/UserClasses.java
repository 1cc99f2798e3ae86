package dev.lamina.runtime.train;

import java.lang.reflect.InvocationTargetException;

/** Creates the classes a network names in {@code @Train}: its data source and its callbacks. */
final class UserClasses {

    private UserClasses() {}

    /**
     * A new instance from the public no-argument constructor, which the compiler has checked exists.
     *
     * @param role what the class is, for messages: {@code "data source"}, {@code "callback"}
     */
    static <T> T instantiate(Class<? extends T> type, String role) {
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
            throw new TrainingException("could not create the " + role + " " + type.getName() + ": " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TrainingException("could not create the " + role + " " + type.getName()
                    + " (it needs a public constructor without arguments): " + e, e);
        }
    }
}
