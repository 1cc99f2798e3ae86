package dev.lamina.processor.model;

import dev.lamina.dsl.Loss;
import dev.lamina.processor.diagnostics.Location;
import dev.lamina.spec.contract.TaskKind;

import java.util.List;
import java.util.Optional;

import javax.lang.model.element.TypeElement;

/**
 * A network's {@code @Train} and the annotations that go with it, as written. {@code data} is empty
 * when the network declares no data source; {@code callbacks} holds the classes of {@code @Train(callbacks
 * = ...)} in order; {@code tasks} is the data class's {@code @Tasks}, if it has one.
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
        Optional<EarlyStoppingModel> earlyStopping,
        Optional<SplitModel> split,
        Optional<TasksModel> tasks) {

    public boolean isCrossEntropy() {
        return loss == Loss.CROSS_ENTROPY;
    }

    /** What the network predicts, which its loss decides. */
    public TaskKind taskKind() {
        return taskKind(loss);
    }

    /**
     * The processor's one mapping of a loss to what it predicts (the runtime has its own, {@code
     * LossFunction.taskKind}): exhaustive, so a new loss does not compile until it says.
     */
    public static TaskKind taskKind(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> TaskKind.CLASSES;
            case BCE_WITH_LOGITS -> TaskKind.BINARY;
            case MSE, L1, HUBER -> TaskKind.REGRESSION;
        };
    }

    /** Whether the run evaluates a validation set: {@code @Split} with a validation share above 0. */
    public boolean hasValidation() {
        return split.map(SplitModel::hasValidation).orElse(false);
    }

    /** One class of {@code @Train(callbacks = ...)}, and where it is written, for diagnostics. */
    public record CallbackModel(TypeElement type, Location location) {}

    /** {@code @EarlyStopping}. */
    public record EarlyStoppingModel(Source source, String monitor, int patience, double minDelta, boolean restoreBest) {}
}
