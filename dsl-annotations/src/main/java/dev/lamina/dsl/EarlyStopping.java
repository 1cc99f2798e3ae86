package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops training when a metric has not improved for {@code patience} epochs.
 *
 * <p>Keras equivalent: {@code EarlyStopping(monitor, min_delta, patience, restore_best_weights)}. Losses
 * improve by falling, accuracy and ROC AUC by rising.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EarlyStopping {

    /**
     * The metric to watch: {@code train_loss}, {@code train_accuracy}, {@code test_loss}, {@code
     * test_accuracy}, or, for a BCE-with-logits network, {@code test_roc_auc}.
     */
    String monitor() default "test_loss";

    /** Epochs without improvement before stopping. At least 1. */
    int patience() default 3;

    /** The smallest change that counts as an improvement. At least 0. */
    double minDelta() default 0;

    /** Whether to end with the parameters of the best epoch rather than the last. */
    boolean restoreBest() default true;
}
