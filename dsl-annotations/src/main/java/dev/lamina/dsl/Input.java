package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One named input of a network, used in {@link Network#inputs()}: {@code @Input(name = "descriptors", shape =
 * 8)}. A stage reads it with {@code @From("descriptors")}.
 *
 * <p>PyTorch equivalent: one argument of {@code forward(self, fingerprint, descriptors)}, a tensor of shape
 * {@code (N, *shape)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Input {

    /** The input's name, a Java identifier: stages name it in {@link From}, callers key their arrays by it. */
    String name();

    /** The shape of one sample, batch dimension excluded: {@code 8}, or {@code {1, 28, 28}}. */
    int[] shape();
}
