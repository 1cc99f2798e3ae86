package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stage that reads two or more sources of one shape and sums them elementwise before its own layers.
 *
 * <p>PyTorch equivalent: {@code x = a + b} in {@code forward}, then the stage's layers on {@code x}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {

    /** The inputs or stages above to sum, as in {@code @Add({"a", "b"})}. */
    String[] value();
}
