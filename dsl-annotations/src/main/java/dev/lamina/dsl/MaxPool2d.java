package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D pooling over (channels, height, width) samples: each output is the maximum of a square window.
 *
 * <p>PyTorch equivalent: {@code nn.MaxPool2d(kernel_size, stride=None, padding=0)}. Output size per spatial dimension: {@code floor((size + 2 padding - kernel) / stride) + 1}
 * (ceil_mode off). No parameters; channels unchanged.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool2d {

    /** Side of the square window. Positive. */
    int value();

    /** Step between windows. Default: the window side, as in PyTorch. */
    int stride() default -1;

    /** Padding on every side. At least 0 and at most half the window; default 0. */
    int padding() default 0;
}
