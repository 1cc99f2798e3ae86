package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stage that reads two or more flat sources and joins their features, in the order listed, before its own
 * layers: {@code (N, 256)} and {@code (N, 16)} become {@code (N, 272)}.
 *
 * <p>PyTorch equivalent: {@code x = torch.cat([fp, desc], dim=1)} in {@code forward}, then the stage's layers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concat {

    /** The inputs or stages above to join, as in {@code @Concat({"fp", "desc"})}. */
    String[] value();
}
