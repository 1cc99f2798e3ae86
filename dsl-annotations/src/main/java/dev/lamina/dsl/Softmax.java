package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Activation: softmax over the feature dimension, so each sample's outputs are positive and sum to 1.
 *
 * <p>PyTorch equivalent: {@code nn.Softmax(dim=1)}. Belongs at the end of a network; a loss such as
 * cross-entropy already applies it to raw logits, so most networks leave it out for training.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Softmax {}
