package dev.lamina.processor.model;

/**
 * {@code @CosineLr}: cosine annealing to {@code minLr} over {@code epochs}; {@code -1}, the default, means
 * the training's epochs.
 */
public record CosineLrModel(Source source, int epochs, double minLr) implements ScheduleModel {}
