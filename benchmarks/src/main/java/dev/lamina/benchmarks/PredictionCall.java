package dev.lamina.benchmarks;

/** One call into a predictor, on the input(s) starting at {@code index}; returns how many rows it predicted. */
@FunctionalInterface
interface PredictionCall {
    int call(int index) throws Exception;
}
