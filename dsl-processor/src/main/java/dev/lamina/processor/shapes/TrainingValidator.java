package dev.lamina.processor.shapes;

import dev.lamina.processor.diagnostics.Location;
import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.AdamModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.CosineLrModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.OptimizerModel;
import dev.lamina.processor.model.SgdModel;
import dev.lamina.processor.model.Source;
import dev.lamina.processor.model.StageModel;
import dev.lamina.processor.model.StepLrModel;
import dev.lamina.processor.model.TrainModel;
import dev.lamina.spec.contract.TrainingMetric;

import java.util.List;
import java.util.Set;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 3, for training: the loss against the output layer, hyper-parameter ranges, the data source and the
 * callbacks.
 */
public final class TrainingValidator {

    /** By name: the processor never depends on the runtime. */
    private static final String TRAINING_CALLBACK = "dev.lamina.runtime.train.TrainingCallback";

    private final Elements elements;
    private final Types types;

    public TrainingValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    public void validate(InferredNetwork network, TrainModel train, Report report) {
        String name = network.model().type().getSimpleName().toString();
        checkLoss(network, train, report, name);
        checkRanges(train, report, name);
        checkBatchNorm(network, train, report, name);
        train.earlyStopping().ifPresent(e -> checkEarlyStopping(e, train, report, name));
        train.data().ifPresent(data -> checkData(data, train.source(), report, name));
        checkCallbacks(train, report, name);
    }

    private void checkLoss(InferredNetwork network, TrainModel train, Report report, String name) {
        List<InferredStage> stages = network.stages();
        if (stages.isEmpty() || network.output() == null || !network.output().isFlat()) {
            return;
        }
        String lastStage = stages.get(stages.size() - 1).stage().name();
        long outputs = network.output().features();
        Location loss = train.source().at("loss");
        if (train.isCrossEntropy() && outputs < 2) {
            report.report(Problem.LOSS_NEEDS_CLASSES, loss, name, lastStage, outputs);
        } else if (!train.isCrossEntropy() && outputs != 1) {
            report.report(Problem.LOSS_NEEDS_ONE_LOGIT, loss, name, lastStage, outputs);
        }
        List<LayerModel> lastLayers = stages.get(stages.size() - 1).stage().layers();
        if (lastLayers.get(lastLayers.size() - 1) instanceof ActivationModel last) {
            boolean twice = train.isCrossEntropy()
                    ? last.activation() == ActivationModel.Activation.Softmax
                    : last.activation() == ActivationModel.Activation.Sigmoid;
            if (twice) {
                String lossName = train.isCrossEntropy() ? "cross-entropy" : "BCE-with-logits";
                String function = train.isCrossEntropy() ? "softmax" : "the sigmoid";
                report.report(Problem.ACTIVATION_BEFORE_LOSS, last.source().location(), lastStage, last.kind(),
                        lossName, function, last.kind());
            }
        }
    }

    private static void checkRanges(TrainModel train, Report report, String name) {
        Source trainSource = train.source();
        if (train.epochs() < 1) {
            outOfRange(report, trainSource, name, "Train", "epochs", train.epochs(), "train for at least 1 epoch");
        }
        if (train.batchSize() < 1) {
            outOfRange(report, trainSource, name, "Train", "batchSize", train.batchSize(),
                    "a minibatch holds at least 1 sample; the notebook uses 32");
        }
        OptimizerModel optimizer = train.optimizer();
        optimizer.source().ifPresent(source -> {
            String kind = optimizer.annotationName();
            if (!(optimizer.lr() > 0) || Double.isInfinite(optimizer.lr())) {
                outOfRange(report, source, name, kind, "lr", optimizer.lr(), "the learning rate must be positive");
            }
            if (!(optimizer.weightDecay() >= 0) || Double.isInfinite(optimizer.weightDecay())) {
                outOfRange(report, source, name, kind, "weightDecay", optimizer.weightDecay(), "must be a finite number, 0 or more");
            }
            if (optimizer instanceof SgdModel sgd) {
                if (!(sgd.momentum() >= 0 && sgd.momentum() < 1)) {
                    outOfRange(report, source, name, kind, "momentum", sgd.momentum(),
                            "momentum must be in [0, 1), as in 0.9");
                } else if (sgd.nesterov() && sgd.momentum() == 0) {
                    report.report(Problem.NESTEROV_WITHOUT_MOMENTUM, source.at("nesterov"), name);
                }
            } else if (optimizer instanceof AdamModel adam) {
                for (String beta : List.of("beta1", "beta2")) {
                    double value = beta.equals("beta1") ? adam.beta1() : adam.beta2();
                    if (!(value >= 0 && value < 1)) {
                        outOfRange(report, source, name, kind, beta, value, "betas must be in [0, 1)");
                    }
                }
                if (!(adam.eps() > 0) || Double.isInfinite(adam.eps())) {
                    outOfRange(report, source, name, kind, "eps", adam.eps(), "must be a finite positive number (default 1e-8)");
                }
            }
        });
        train.schedule().ifPresent(schedule -> {
            Source source = schedule.source();
            if (schedule instanceof StepLrModel step) {
                if (step.stepSize() < 1) {
                    outOfRange(report, source, name, "StepLr", "stepSize", step.stepSize(), "at least 1 epoch");
                }
                if (!(step.gamma() > 0 && step.gamma() <= 1)) {
                    outOfRange(report, source, name, "StepLr", "gamma", step.gamma(), "must be in (0, 1]");
                }
            } else if (schedule instanceof CosineLrModel cosine) {
                if (source.isExplicit("epochs") && cosine.epochs() < 1) {
                    outOfRange(report, source, name, "CosineLr", "epochs", cosine.epochs(), "at least 1 epoch");
                }
                if (!(cosine.minLr() >= 0) || Double.isInfinite(cosine.minLr())) {
                    outOfRange(report, source, name, "CosineLr", "minLr", cosine.minLr(), "must be a finite number, 0 or more");
                }
            }
        });
    }

    private static void outOfRange(Report report, Source source, String name, String annotation, String attribute,
            Object value, String why) {
        report.report(Problem.TRAINING_VALUE_OUT_OF_RANGE, source.at(attribute), name, annotation, attribute, value,
                why);
    }

    private static void checkBatchNorm(InferredNetwork network, TrainModel train, Report report, String name) {
        if (train.batchSize() != 1) {
            return;
        }
        for (InferredStage stage : network.stages()) {
            StageModel model = stage.stage();
            if (model.layers().stream().anyMatch(l -> l instanceof BatchNormModel)) {
                report.report(Problem.BATCHNORM_WITH_BATCH_SIZE_ONE, train.source().at("batchSize"), name, model.name());
                return;
            }
        }
    }

    private static void checkEarlyStopping(TrainModel.EarlyStoppingModel stopping, TrainModel train, Report report,
            String name) {
        List<String> metrics = TrainingMetric.monitorableNames(train.isCrossEntropy() ? dev.lamina.spec.contract.TaskKind.CLASSES : dev.lamina.spec.contract.TaskKind.BINARY);
        if (!metrics.contains(stopping.monitor())) {
            String suggestion = suggest(stopping.monitor(), metrics).map(m -> " (did you mean \"" + m + "\"?)").orElse("");
            report.report(Problem.UNKNOWN_MONITOR, stopping.source().at("monitor"), name, stopping.monitor(),
                    suggestion, String.join(", ", metrics));
        }
        if (stopping.patience() < 1) {
            outOfRange(report, stopping.source(), name, "EarlyStopping", "patience", stopping.patience(),
                    "wait at least 1 epoch");
        }
        if (!(stopping.minDelta() >= 0) || Double.isInfinite(stopping.minDelta())) {
            outOfRange(report, stopping.source(), name, "EarlyStopping", "minDelta", stopping.minDelta(),
                    "must be a finite number, 0 or more");
        }
    }

    /** Keras calls the held-out metrics {@code val_*}; otherwise the closest name, if it is close. */
    private static java.util.Optional<String> suggest(String monitor, List<String> metrics) {
        String keras = monitor.replaceFirst("^val_", "test_");
        if (metrics.contains(keras)) {
            return java.util.Optional.of(keras);
        }
        return metrics.stream()
                .min(java.util.Comparator.comparingInt(m -> dev.lamina.spec.Names.distance(m, monitor)))
                .filter(m -> dev.lamina.spec.Names.distance(m, monitor) <= 3);
    }

    private void checkData(TypeElement data, Source train, Report report, String name) {
        TypeElement dataSource = elements.getTypeElement(RawInputs.DATA_SOURCE);
        Location at = train.at("data");
        if (dataSource == null) {
            report.report(Problem.RUNTIME_MISSING, at, name, "data");
            return;
        }
        TypeMirror sourceType = types.erasure(dataSource.asType());
        if (!types.isAssignable(types.erasure(data.asType()), sourceType)) {
            report.report(Problem.DATA_NOT_A_DATA_SOURCE, at, name, data.getSimpleName());
            return;
        }
        if (!isConstructible(data)) {
            report.report(Problem.DATA_NOT_INSTANTIABLE, at, name, data.getSimpleName());
        }
        if (RawInputs.of(data, types).isEmpty()) {
            report.report(Problem.DATA_RAW_INPUT_UNDECLARED, at, name, data.getSimpleName());
        }
    }

    private void checkCallbacks(TrainModel train, Report report, String name) {
        if (train.callbacks().isEmpty()) {
            return;
        }
        TypeElement callback = elements.getTypeElement(TRAINING_CALLBACK);
        if (callback == null) {
            report.report(Problem.RUNTIME_MISSING, train.source().at("callbacks"), name, "callbacks");
            return;
        }
        TypeMirror callbackType = types.erasure(callback.asType());
        for (TrainModel.CallbackModel model : train.callbacks()) {
            TypeElement type = model.type();
            if (!types.isAssignable(types.erasure(type.asType()), callbackType)) {
                report.report(Problem.CALLBACK_NOT_A_CALLBACK, model.location(), name, type.getSimpleName());
            } else if (!isConstructible(type)) {
                report.report(Problem.CALLBACK_NOT_INSTANTIABLE, model.location(), name, type.getSimpleName());
            }
        }
    }

    /** Whether generated code can create the class with {@code new} through reflection, as the runtime does. */
    private boolean isConstructible(TypeElement type) {
        Set<Modifier> modifiers = type.getModifiers();
        return modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.ABSTRACT)
                && type.getKind().isClass()
                && (type.getNestingKind() == javax.lang.model.element.NestingKind.TOP_LEVEL
                        || modifiers.contains(Modifier.STATIC))
                && ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                        .anyMatch(this::isPublicNoArgument);
    }

    private boolean isPublicNoArgument(ExecutableElement constructor) {
        return constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)
                && !dev.lamina.processor.parse.NetworkParser.throwsChecked(constructor, types, elements);
    }
}
