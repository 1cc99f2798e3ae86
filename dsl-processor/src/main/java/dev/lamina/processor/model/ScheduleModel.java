package dev.lamina.processor.model;

/**
 * A network's learning-rate schedule as its annotation declares it; each kind carries only its own
 * settings.
 */
public sealed interface ScheduleModel permits StepLrModel, CosineLrModel {

    Source source();
}
