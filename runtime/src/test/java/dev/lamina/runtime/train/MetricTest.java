package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.spec.contract.TrainingMetric;

import org.junit.jupiter.api.Test;

class MetricTest {

    /** A metric the processor accepts in @EarlyStopping(monitor) must be one the trainer computes. */
    @Test
    void theTrainerComputesEverySharedMetric() {
        for (TrainingMetric shared : TrainingMetric.values()) {
            assertEquals(shared, Metric.of(shared).identity());
            assertEquals(shared.metricName(), Metric.of(shared).metricName());
        }
        assertEquals(TrainingMetric.values().length, Metric.values().length);
    }
}
