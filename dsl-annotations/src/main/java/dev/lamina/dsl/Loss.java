package dev.lamina.dsl;

/**
 * The loss a network is trained with. It decides what the network predicts, which labels the data must have
 * and which metrics the trainer computes: classes ({@link #CROSS_ENTROPY}), yes/no tasks ({@link
 * #BCE_WITH_LOGITS}) or numbers ({@link #MSE}, {@link #L1}, {@link #HUBER}).
 */
public enum Loss {
    /**
     * Cross-entropy over class logits: PyTorch's {@code nn.CrossEntropyLoss()}. Labels are class indices
     * {@code 0..C-1} (or class names, which the data source maps to indices); the network ends in {@code C >= 2}
     * raw logits (the loss applies log-softmax itself). Metrics: loss, accuracy.
     */
    CROSS_ENTROPY,

    /**
     * Binary cross-entropy on one logit per task: PyTorch's {@code nn.BCEWithLogitsLoss()}. Labels are 0 or 1,
     * one per task; a missing label (NaN, an empty cell) is left out of the loss and the metrics, as in {@code
     * loss = bce(logits[mask], labels[mask])}. The network ends in one raw logit per task: 1 for a single yes/no
     * target, 12 for the 12 Tox21 assays (the data class names them with {@link Tasks}). Metrics: loss,
     * accuracy, ROC AUC and PR AUC (per task and their mean over tasks).
     */
    BCE_WITH_LOGITS,

    /**
     * Mean squared error, for regression: PyTorch's {@code nn.MSELoss()}. The network ends in one linear output
     * per target, without an activation. Metrics: loss, RMSE, MAE, R².
     */
    MSE,

    /** Mean absolute error, for regression: PyTorch's {@code nn.L1Loss()}. Metrics as for {@link #MSE}. */
    L1,

    /**
     * Huber loss with delta 1, for regression with outliers: PyTorch's {@code nn.HuberLoss()} (quadratic within 1
     * of the target, linear beyond). Metrics as for {@link #MSE}.
     */
    HUBER
}
