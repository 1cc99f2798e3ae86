package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stochastic gradient descent, with optional momentum.
 *
 * <p>PyTorch equivalent: {@code optim.SGD(params, lr, momentum=0, nesterov=False, weight_decay=0)}, with
 * the same update: {@code buf = momentum * buf + grad; w -= lr * buf} (or the Nesterov variant).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sgd {

    /** Learning rate. Positive; the notebook uses 0.01 and 0.3. */
    double lr();

    /** Momentum, in [0, 1). 0 is plain SGD. */
    double momentum() default 0;

    /** Nesterov momentum; needs a momentum above 0. */
    boolean nesterov() default false;

    /** L2 penalty added to the gradient. At least 0. */
    double weightDecay() default 0;
}
