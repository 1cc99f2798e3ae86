package dev.lamina.dsl;

/** The loss a network is trained with. */
public enum Loss {
    /**
     * Cross-entropy over class logits: PyTorch's {@code nn.CrossEntropyLoss()}. Labels are class indices
     * {@code 0..C-1}; the network ends in {@code C >= 2} raw logits (the loss applies log-softmax itself).
     */
    CROSS_ENTROPY,

    /**
     * Binary cross-entropy on one logit: PyTorch's {@code nn.BCEWithLogitsLoss()}. Labels are 0 or 1; the
     * network ends in one raw logit (the loss applies the sigmoid itself, numerically stably).
     */
    BCE_WITH_LOGITS
}
