package dev.lamina.spec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingMetricTest {

    @Test
    void eachKindOfNetworkHasItsOwnMetricsInHistoryOrder() {
        assertEquals(List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy"),
                names(TrainingMetric.producedFor(TaskKind.CLASSES, true, false)));
        assertEquals(List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy", "val_roc_auc", "val_pr_auc"),
                names(TrainingMetric.producedFor(TaskKind.BINARY, true, false)));
        assertEquals(List.of("train_loss", "val_loss", "val_rmse", "val_mae", "val_r2", "test_loss", "test_rmse",
                "test_mae", "test_r2"), names(TrainingMetric.producedFor(TaskKind.REGRESSION, true, true)));
        assertEquals(List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy"),
                names(TrainingMetric.producedFor(TaskKind.CLASSES, false, true)));
    }

    @Test
    void testMetricsAreNeverMonitorable() {
        for (TaskKind kind : TaskKind.values()) {
            assertTrue(TrainingMetric.monitorableNames(kind).contains("val_loss"));
            assertFalse(TrainingMetric.monitorableNames(kind).stream().anyMatch(n -> n.startsWith("test_")));
            assertTrue(TrainingMetric.byName("test_loss", kind).isPresent());
        }
        assertTrue(TrainingMetric.byName("val_roc_auc", TaskKind.BINARY).get().higherIsBetter());
        assertFalse(TrainingMetric.byName("val_rmse", TaskKind.REGRESSION).get().higherIsBetter());
        assertTrue(TrainingMetric.byName("val_roc_auc", TaskKind.CLASSES).isEmpty());
    }

    private static List<String> names(List<TrainingMetric> metrics) {
        return metrics.stream().map(TrainingMetric::metricName).toList();
    }
}
