package dev.lamina.runtime.data;

/** The samples a network trains on and the held-out samples it is evaluated on. */
public record TrainTestData(Dataset train, Dataset test) {}
