package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens each sample into one dimension: (channels, height, width) becomes (channels * height * width),
 * ready for a {@link Linear} head.
 *
 * <p>PyTorch equivalent: {@code nn.Flatten()} (start_dim=1). No parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Flatten {}
