package dev.lamina.spec.contract;

/**
 * What a network predicts, which follows from its loss: it decides the labels the data must have and the
 * metrics the trainer computes. The processor and the runtime both map their loss to it, with an exhaustive
 * switch, so a new loss cannot be added without saying what it predicts.
 */
public enum TaskKind {
    /** One of {@code C} classes, from {@code C} logits (cross-entropy). */
    CLASSES,
    /** One or more independent yes/no tasks, one logit each; a label may be missing (BCE-with-logits). */
    BINARY,
    /** One or more numbers (MSE, L1, Huber). */
    REGRESSION
}
