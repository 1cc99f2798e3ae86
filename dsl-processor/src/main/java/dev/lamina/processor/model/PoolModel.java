package dev.lamina.processor.model;

/** {@code @MaxPool2d} or {@code @AvgPool2d}; {@code stride} already defaulted to the window side. */
public record PoolModel(Source source, String kind, int kernel, int stride, int padding) implements LayerModel {}
