package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A residual stage: its output is its input plus its layers' output, so its layers must keep the input's shape
 * ({@code @Residual @Linear(out = 256) @BatchNorm @ReLU} after a stage of 256 features).
 *
 * <p>PyTorch equivalent: {@code return x + self.layers(x)} in the block's {@code forward}, as in ResNet's basic
 * block without the final activation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Residual {}
