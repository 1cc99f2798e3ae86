package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code y = x W^T + b}.
 *
 * <p>PyTorch equivalent: {@code nn.Linear(in_features, out_features, bias=True)}, with PyTorch's
 * initialisation (weight and bias uniform in {@code [-1/sqrt(in), 1/sqrt(in)]}). Parameters: {@code
 * <stage>.weight} of shape {@code (out, in)} and {@code <stage>.bias} of shape {@code (out)}.
 *
 * <p>Write {@code @Linear(in = 784, out = 300)} to have the compiler check the incoming width, or
 * {@code @Linear(out = 300)} to let it infer {@code in} from the previous stage. Java has no
 * positional annotation arguments, hence the names.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Linear {

    /**
     * Input features. Default: inferred from what the previous stage produces. When written, the
     * compiler checks it against that width.
     */
    int in() default -1;

    /** Output features. Must be positive. */
    int out();
}
