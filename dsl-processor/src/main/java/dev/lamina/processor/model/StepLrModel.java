package dev.lamina.processor.model;

/** {@code @StepLr}: the learning rate times {@code gamma} every {@code stepSize} epochs. */
public record StepLrModel(Source source, int stepSize, double gamma) implements ScheduleModel {}
