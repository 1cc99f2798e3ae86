package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Carves a validation set (and, if the data source has none, a test set) out of the training data, so that
 * model choices are made on data the final score never sees: early stopping, the best epoch and learning-rate
 * decisions look at the validation set only; the test set is evaluated once, with the chosen parameters.
 *
 * <pre>{@code
 * @Split(validation = 0.1, test = 0.1, method = SplitMethod.SCAFFOLD, seeds = {1, 2, 3})
 * }</pre>
 *
 * <p>Without {@code @Split} a network trains on the data source's training set and is evaluated on its test
 * set after every epoch, as the course notebook does; nothing is chosen on the test set then (the run keeps
 * its last epoch, and early stopping has no validation metric to watch).
 *
 * <p>Keras equivalent: {@code model.fit(validation_split=0.1)}; sklearn: {@code train_test_split}; DeepChem:
 * {@code ScaffoldSplitter}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Split {

    /** The share of the data for the validation set, in [0, 1). Default 0.1. */
    double validation() default 0.1;

    /**
     * The share of the data for the test set, in [0, 1). Default 0: the data source's own test set (MNIST's
     * 10,000 images). A data source that already has a test set cannot be given another one.
     */
    double test() default 0;

    /** How samples are assigned to the sets. Default: at random. */
    SplitMethod method() default SplitMethod.RANDOM;

    /**
     * Repeats the whole run once per seed (split, initialisation, shuffling and dropout all from that seed) and
     * reports each run and the mean and standard deviation of the test metrics over the runs. Default: one run
     * with {@link Train#seed()}.
     */
    int[] seeds() default {};

    /**
     * Also evaluates the test set after every epoch, in columns marked {@code test_*} in {@code history.csv}
     * (for learning curves only: no choice looks at them). Default: once, at the chosen epoch.
     */
    boolean testEveryEpoch() default false;
}
