package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Activation: Gaussian error linear unit, {@code x * Φ(x)} with Φ the standard normal distribution function
 * (the exact form, with erf). Element-wise, shape unchanged, no parameters.
 *
 * <p>PyTorch equivalent: {@code nn.GELU()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GELU {}
