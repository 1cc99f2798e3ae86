package dev.lamina.runtime.train;

import dev.lamina.runtime.data.FeatureVector;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.model.ModelFile;
import dev.lamina.runtime.model.ModelOutputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the run's model file, {@code <Network>.lamina.safetensors}, at the end of a run: the weights of the
 * best epoch (by the monitored metric, as best.safetensors holds them; last.safetensors stays beside it)
 * with the data's preprocessing, so the model predicts from raw input.
 */
final class ModelFileWriter implements TrainingCallback {

    private final RunDirectory runDirectory;
    private final Preprocessing<?> preprocessing;
    private TrainingContext context;

    ModelFileWriter(RunDirectory runDirectory, Preprocessing<?> preprocessing) {
        this.runDirectory = runDirectory;
        this.preprocessing = preprocessing;
    }

    /** The data source's preprocessing; without one, the samples are the raw inputs. */
    static Preprocessing<?> of(Optional<Preprocessing<?>> declared, long sampleSize) {
        return declared.orElseGet(() -> new FeatureVector(Math.toIntExact(sampleSize)));
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
        long features = context.network().architecture().spec().input().size();
        if (preprocessing.featureCount() != features) {
            throw new TrainingException("the data source's preprocessing (" + preprocessing.kind() + ") makes "
                    + preprocessing.featureCount() + " features per sample, but " + context.networkName() + " takes "
                    + features + "; declare the preprocessing that made the training samples");
        }
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        int bestEpoch = outcome.metrics().bestEpoch();
        boolean best = bestEpoch > 0;
        int epoch = best ? bestEpoch : outcome.history().size();
        Map<String, SafeTensors.Tensor> tensors =
                SafeTensors.read(runDirectory.file(best ? RunDirectory.BEST : RunDirectory.LAST)).tensors();
        Path model = runDirectory.file(ModelFile.fileName(context.networkName()));
        ModelFile.write(model, context.network().architecture(), preprocessing, context.config().loss(),
                outputNames(context), best ? "best" : "last", epoch, metrics(outcome, epoch), tensors);
        context.out().println("Model: " + model.toAbsolutePath() + " (" + (best ? "best" : "last") + " weights, epoch "
                + epoch + ")");
    }

    /**
     * What the model file calls each output: the class names of a classifier whose labels were text, the names
     * of the tasks or regression targets when the data or {@code @Tasks} named them; none otherwise (and none
     * when the names do not come one per output, rather than a model file that cannot be read).
     */
    static List<String> outputNames(TrainingContext context) {
        long width = context.network().outputWidth();
        List<String> names = switch (context.kind()) {
            case CLASSES -> context.trainData().classNames();
            case BINARY, REGRESSION -> !context.config().tasks().isEmpty()
                    ? context.config().tasks() : context.trainData().taskNames();
        };
        if (names.isEmpty()) {
            return names;
        }
        if (names.size() != width) {
            context.out().println("The model file leaves its outputs unnamed: the data names " + names.size()
                    + " outputs " + names + ", but " + context.networkName() + " has " + width);
            return List.of();
        }
        try {
            ModelOutputs.of(context.config().loss(), width, names);
            return names;
        } catch (IllegalArgumentException unusable) {
            context.out().println("The model file leaves its outputs unnamed: " + unusable.getMessage());
            return List.of();
        }
    }

    /** The chosen epoch's numbers, named as history.csv names them; metrics a run does not have are left out. */
    private static Map<String, Object> metrics(TrainingOutcome outcome, int epoch) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        outcome.history().stream().filter(result -> result.epoch() == epoch).findFirst().ifPresent(result -> {
            metrics.put("epoch", result.epoch());
            result.metrics().forEach((metric, value) -> {
                if (Double.isFinite(value)) {
                    metrics.put(metric.metricName(), value);
                }
            });
        });
        outcome.metrics().test().ifPresent(test -> test.means().forEach((measure, value) -> {
            if (Double.isFinite(value)) {
                metrics.put("test_" + measure.key(), value);
            }
        }));
        return metrics;
    }
}
