package dev.lamina.runtime.report;

/**
 * A receiver operating characteristic: false and true positive rates at every distinct threshold, from
 * (0, 0) to (1, 1), and the area under it.
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double area) {}
