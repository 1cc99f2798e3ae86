package dev.lamina.spec.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A per-epoch metric: a {@link Measure} on a {@link DataSplit}, named as {@code history.csv} and {@code
 * @EarlyStopping(monitor)} name it ({@code val_roc_auc}). The processor checks a monitor against {@link
 * #monitorable} at compile time and the runtime computes each of {@link #producedFor}, so the two cannot disagree
 * on which names exist.
 */
public record TrainingMetric(DataSplit split, Measure measure) {

    public static final TrainingMetric TRAIN_LOSS = new TrainingMetric(DataSplit.TRAIN, Measure.LOSS);
    public static final TrainingMetric VAL_LOSS = new TrainingMetric(DataSplit.VALIDATION, Measure.LOSS);

    /** {@code val_roc_auc}. */
    public String metricName() {
        return split.prefix() + "_" + measure.key();
    }

    public boolean higherIsBetter() {
        return measure.higherIsBetter();
    }

    /**
     * The metrics of each epoch, in {@code history.csv}'s order: the training set's, then the validation set's
     * (if there is one), then the test set's (if it is evaluated every epoch).
     */
    public static List<TrainingMetric> producedFor(TaskKind kind, boolean validation, boolean testEveryEpoch) {
        List<TrainingMetric> produced = new ArrayList<>();
        for (DataSplit split : DataSplit.values()) {
            boolean evaluated = switch (split) {
                case TRAIN -> true;
                case VALIDATION -> validation;
                case TEST -> testEveryEpoch;
            };
            if (!evaluated) {
                continue;
            }
            for (Measure measure : Measure.values()) {
                if (measure.appliesTo(kind) && (split != DataSplit.TRAIN || measure.onTrainingSet())) {
                    produced.add(new TrainingMetric(split, measure));
                }
            }
        }
        return produced;
    }

    /**
     * The metrics early stopping and the best epoch may watch: every training and validation metric. Test
     * metrics are not among them, however often they are evaluated.
     */
    public static List<TrainingMetric> monitorable(TaskKind kind) {
        return producedFor(kind, true, false);
    }

    /** The names of {@link #monitorable}. */
    public static List<String> monitorableNames(TaskKind kind) {
        return monitorable(kind).stream().map(TrainingMetric::metricName).toList();
    }

    /** The metric called {@code name} for networks that predict {@code kind}, on any set, if there is one. */
    public static Optional<TrainingMetric> byName(String name, TaskKind kind) {
        return producedFor(kind, true, true).stream().filter(m -> m.metricName().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return metricName();
    }
}
