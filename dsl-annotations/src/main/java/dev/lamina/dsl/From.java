package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a stage reads its input: a named input of the network or a stage declared above it. Without it a stage
 * reads the stage above (the network's only input, for the first stage).
 *
 * <p>PyTorch equivalent: {@code x = self.head(trunk)} in {@code forward}, instead of passing on the value of the
 * line above. Several sources must be merged: use {@link Add} or {@link Concat}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface From {

    /** The input or stage this stage reads, as in {@code @From("trunk")}. */
    String[] value();
}
