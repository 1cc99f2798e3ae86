package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution over (channels, height, width) samples, with a square kernel.
 *
 * <p>PyTorch equivalent: {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * dilation=1)}, with PyTorch's initialisation (weight and bias uniform in {@code [-1/sqrt(fan_in),
 * 1/sqrt(fan_in)]}, {@code fan_in = in * kernel * kernel}). Output size per spatial dimension: {@code
 * floor((size + 2 padding - dilation (kernel - 1) - 1) / stride) + 1}. Parameters: {@code <stage>.weight}
 * of shape {@code (out, in, kernel, kernel)} and {@code <stage>.bias} of shape {@code (out)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv2d {

    /** Input channels. Default: inferred from the incoming shape; when written, it is checked. */
    int in() default -1;

    /** Output channels (filters). Positive. */
    int out();

    /** Side of the square kernel. Positive; PyTorch has no default, the notebook uses 3. */
    int kernel();

    /** Step between kernel positions. Positive; default 1. */
    int stride() default 1;

    /** Zeros added on every side. At least 0; default 0. */
    int padding() default 0;

    /** Spacing between kernel elements. Positive; default 1. */
    int dilation() default 1;
}
