package dev.lamina.processor.model;

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
        String loss,
        int epochs,
        int batchSize,
        boolean shuffle,
        int seed,
        OptimizerModel optimizer,
        Optional<ScheduleModel> schedule,
        Optional<EarlyStoppingModel> earlyStopping) {

    public boolean isCrossEntropy() {
        return loss.equals("CROSS_ENTROPY");
    }

    /** One class of {@code @Train(callbacks = ...)}, and where it is written, for diagnostics. */
    public record CallbackModel(TypeElement type, Location location) {}

    /** {@code @Adam} or {@code @Sgd}; {@code source} is empty for the implicit default Adam. */
    public record OptimizerModel(
            Optional<Source> source, String kind, double lr, double momentum, boolean nesterov, double beta1,
            double beta2, double eps, double weightDecay) {

        public static OptimizerModel defaultAdam() {
            return new OptimizerModel(Optional.empty(), "Adam", 1e-3, 0, false, 0.9, 0.999, 1e-8, 0);
        }
    }

    /** {@code @StepLr} ({@code stepSize}, {@code gamma}) or {@code @CosineLr} ({@code epochs}, {@code minLr}). */
    public record ScheduleModel(Source source, String kind, int stepSize, double gamma, int epochs, double minLr) {}

    /** {@code @EarlyStopping}. */
    public record EarlyStoppingModel(Source source, String monitor, int patience, double minDelta, boolean restoreBest) {}
}
