package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalisation over the feature dimension.
 *
 * <p>PyTorch equivalent: {@code nn.BatchNorm1d(num_features, eps=1e-5, momentum=0.1)}, with the same
 * conventions: in training mode each minibatch is normalised with its own statistics and the running
 * statistics move by {@code running = (1 - momentum) * running + momentum * batch} (unbiased batch
 * variance); in eval mode the running statistics are used. Parameters: {@code <stage>.bn.weight}
 * (gamma, starts at 1) and {@code <stage>.bn.bias} (beta, starts at 0), trainable; {@code
 * <stage>.bn.running_mean} and {@code <stage>.bn.running_var}, not trainable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {

    /** Number of features. Default: inferred from the incoming width; when written, it is checked. */
    int features() default -1;

    /** Added to the variance for numerical stability. PyTorch default 1e-5. Must be positive. */
    double eps() default 1e-5;

    /** Weight of the current batch in the running statistics, PyTorch's convention. In [0, 1]. */
    double momentum() default 0.1;
}
