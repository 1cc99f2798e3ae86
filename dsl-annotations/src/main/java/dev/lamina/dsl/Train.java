package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link Network} is trained: the processor generates {@code <Name>Trainer} with these settings as
 * defaults, each overridable in code and on the command line. The optimizer is {@link Adam} or {@link
 * Sgd} on the same class (Adam with its defaults if neither is given).
 *
 * <p>PyTorch equivalent: the notebook's training loop: a {@code DataLoader(batch_size=32,
 * shuffle=True)}, {@code loss.backward()}, {@code optimizer.step()}, {@code net.train()} while training
 * and {@code net.eval()} while evaluating.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Train {

    /**
     * Where the data comes from: a class implementing {@code dev.lamina.runtime.data.DataSource} with a
     * public constructor without parameters. Default: none; then data is handed to the trainer in code.
     */
    Class<?> data() default void.class;

    /**
     * Callbacks told about each run: classes implementing {@code dev.lamina.runtime.train.TrainingCallback},
     * each public with a public constructor without parameters; every run creates new instances, after the
     * trainer's own callbacks (console output, run files, early stopping). Default: none.
     *
     * <p>Keras equivalent: {@code model.fit(..., callbacks=[...])}.
     */
    Class<?>[] callbacks() default {};

    /** The loss. Default: cross-entropy over class logits. */
    Loss loss() default Loss.CROSS_ENTROPY;

    /** Passes over the training data. At least 1. */
    int epochs() default 10;

    /** Samples per minibatch. At least 1, and at least 2 when the network has a BatchNorm. */
    int batchSize() default 32;

    /** Whether each epoch visits the samples in a new random order. */
    boolean shuffle() default true;

    /** Seeds initialisation, shuffling and dropout: the same seed on the same data gives the same run. */
    int seed() default 42;
}
