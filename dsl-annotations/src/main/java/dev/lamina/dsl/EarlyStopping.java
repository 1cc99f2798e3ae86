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
     * The metric to watch, on the validation set that {@link Split} carves out: {@code val_loss}, {@code
     * val_accuracy} for classes and yes/no tasks, {@code val_roc_auc} and {@code val_pr_auc} (means over tasks)
     * for BCE-with-logits, {@code val_rmse}, {@code val_mae} and {@code val_r2} for regression; or {@code
     * train_loss}. Test metrics cannot be watched: a choice made on the test set makes its score optimistic.
     */
    String monitor() default "val_loss";

    /** Epochs without improvement before stopping. At least 1. */
    int patience() default 3;

    /** The smallest change that counts as an improvement. At least 0. */
    double minDelta() default 0;

    /** Whether to end with the parameters of the best epoch rather than the last. */
    boolean restoreBest() default true;
}
