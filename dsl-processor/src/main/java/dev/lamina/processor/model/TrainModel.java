package dev.lamina.processor.model;

import dev.lamina.dsl.Loss;
import dev.lamina.processor.diagnostics.Location;

import java.util.List;
import java.util.Optional;

import javax.lang.model.element.TypeElement;

/**
 * A network's {@code @Train} and the annotations that go with it, as written. {@code data} is empty
 * when the network declares no data source; {@code callbacks} holds the classes of {@code @Train(callbacks
 * = ...)} in order.
 */
public record TrainModel(
        Source source,
        Optional<TypeElement> data,
        List<CallbackModel> callbacks,
        Loss loss,
        int epochs,
        int batchSize,
        boolean shuffle,
        int seed,
        OptimizerModel optimizer,
        Optional<ScheduleModel> schedule,
        Optional<EarlyStoppingModel> earlyStopping) {

    public boolean isCrossEntropy() {
        return loss == Loss.CROSS_ENTROPY;
    }

    /** One class of {@code @Train(callbacks = ...)}, and where it is written, for diagnostics. */
    public record CallbackModel(TypeElement type, Location location) {}

    /** {@code @EarlyStopping}. */
    public record EarlyStoppingModel(Source source, String monitor, int patience, double minDelta, boolean restoreBest) {}
}
