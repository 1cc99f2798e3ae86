package dev.lamina.spec.contract;

import java.util.Set;

/** What a metric measures, whichever set it is measured on. */
public enum Measure {
    LOSS("loss", false, Set.of(TaskKind.values()), true),
    /** Classes: argmax equals the label. Yes/no tasks: logit above 0 equals the label, over labelled entries. */
    ACCURACY("accuracy", true, Set.of(TaskKind.CLASSES, TaskKind.BINARY), true),
    /** Area under the ROC curve per task over its labelled entries; the metric is the mean over tasks. */
    ROC_AUC("roc_auc", true, Set.of(TaskKind.BINARY), false),
    /** Area under the precision-recall curve (average precision) per task; the metric is the mean over tasks. */
    PR_AUC("pr_auc", true, Set.of(TaskKind.BINARY), false),
    /** Root mean squared error, over all targets. */
    RMSE("rmse", false, Set.of(TaskKind.REGRESSION), false),
    /** Mean absolute error, over all targets. */
    MAE("mae", false, Set.of(TaskKind.REGRESSION), false),
    /** Coefficient of determination per target; the metric is the mean over targets. */
    R2("r2", true, Set.of(TaskKind.REGRESSION), false);

    private final String key;
    private final boolean higherIsBetter;
    private final Set<TaskKind> kinds;
    private final boolean onTrainingSet;

    Measure(String key, boolean higherIsBetter, Set<TaskKind> kinds, boolean onTrainingSet) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.kinds = kinds;
        this.onTrainingSet = onTrainingSet;
    }

    /** The part of a metric's name after the set's prefix: {@code roc_auc}. */
    public String key() {
        return key;
    }

    /** Whether a larger value is an improvement (accuracy) rather than a smaller one (loss). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the trainer computes it for networks that predict {@code kind}. */
    public boolean appliesTo(TaskKind kind) {
        return kinds.contains(kind);
    }

    /**
     * Whether it is also computed on the training set after each epoch. Only loss and accuracy are: the ranking
     * metrics would cost a sort of the whole training set per epoch and tell little about overfitting that the
     * loss does not.
     */
    public boolean onTrainingSet() {
        return onTrainingSet;
    }
}
