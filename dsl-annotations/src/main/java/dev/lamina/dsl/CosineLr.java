package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anneals the learning rate from its initial value to {@code minLr} along a half cosine over {@code
 * epochs} epochs.
 *
 * <p>PyTorch equivalent: {@code optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max, eta_min=0)},
 * stepped once per epoch.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CosineLr {

    /** Length of the half cosine in epochs ({@code T_max}). Default: the number of training epochs. */
    int epochs() default -1;

    /** The learning rate at the end ({@code eta_min}). At least 0. */
    double minLr() default 0;
}
