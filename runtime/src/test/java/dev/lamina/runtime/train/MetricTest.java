package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.spec.contract.TrainingMetric;

import org.junit.jupiter.api.Test;

class MetricTest {

    /** A metric the processor accepts in @EarlyStopping(monitor) must be one the trainer computes. */
    @Test
    void theTrainerComputesEverySharedMetric() {
        for (Metric metric : Metric.values()) {
            assertEquals(metric, Metric.of(metric.identity()));
        }
    }
}
