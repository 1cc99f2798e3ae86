package dev.lamina.runtime.train;

import dev.lamina.runtime.data.FeatureVector;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.model.ModelFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
                best ? "best" : "last", epoch, metrics(outcome, epoch), tensors);
        context.out().println("Model: " + model.toAbsolutePath() + " (" + (best ? "best" : "last") + " weights, epoch "
                + epoch + ")");
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
