package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Adam optimizer, the default when a network names none.
 *
 * <p>PyTorch equivalent: {@code optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
 * weight_decay=0)}, with the same update (bias-corrected moments, L2 weight decay added to the
 * gradient).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Adam {

    /** Learning rate. Positive. */
    double lr() default 1e-3;

    /** Decay of the running mean of gradients, in [0, 1). */
    double beta1() default 0.9;

    /** Decay of the running mean of squared gradients, in [0, 1). */
    double beta2() default 0.999;

    /** Added to the denominator for numerical stability. Positive. */
    double eps() default 1e-8;

    /** L2 penalty added to the gradient. At least 0. */
    double weightDecay() default 0;
}
