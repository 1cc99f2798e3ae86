package dev.lamina.spec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingMetricTest {

    @Test
    void rocAucOnlyForBinaryNetworks() {
        assertEquals(List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy"),
                TrainingMetric.namesFor(false));
        assertEquals(List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy", "test_roc_auc"),
                TrainingMetric.namesFor(true));
        assertTrue(TrainingMetric.byName("test_roc_auc", false).isEmpty());
        assertEquals(TrainingMetric.TEST_ROC_AUC, TrainingMetric.byName("test_roc_auc", true).orElseThrow());
    }

    @Test
    void lossesFallAccuraciesRise() {
        assertFalse(TrainingMetric.TEST_LOSS.higherIsBetter());
        assertTrue(TrainingMetric.TEST_ACCURACY.higherIsBetter());
    }
}
