package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Activation: Logistic sigmoid, 1 / (1 + exp(-x)). Element-wise, shape unchanged, no parameters.
 *
 * <p>PyTorch equivalent: {@code nn.Sigmoid()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Sigmoid {}
