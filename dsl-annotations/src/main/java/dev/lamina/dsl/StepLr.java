package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs.
 *
 * <p>PyTorch equivalent: {@code optim.lr_scheduler.StepLR(optimizer, step_size, gamma=0.1)}, stepped once
 * per epoch.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StepLr {

    /** Epochs between decays. At least 1. */
    int stepSize();

    /** Factor applied at each decay, in (0, 1]. */
    double gamma() default 0.1;
}
