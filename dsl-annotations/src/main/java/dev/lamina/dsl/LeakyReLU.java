package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Activation: {@code x} for positive {@code x}, {@code slope * x} otherwise. Element-wise, no
 * parameters.
 *
 * <p>PyTorch equivalent: {@code nn.LeakyReLU(negative_slope=0.01)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LeakyReLU {

    /** The slope for negative inputs. PyTorch default 0.01. Must not be negative. */
    double value() default 0.01;
}
