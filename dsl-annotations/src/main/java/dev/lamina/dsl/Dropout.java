package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dropout: in training mode each element is zeroed with probability {@code p} and the kept ones are
 * scaled by {@code 1/(1-p)}; in eval mode it passes its input through unchanged.
 *
 * <p>PyTorch equivalent: {@code nn.Dropout(p=0.5)}. No parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {

    /** Probability of zeroing an element, in [0, 1). PyTorch default 0.5. */
    double value() default 0.5;
}
