package dev.lamina.processor.shapes;

import dev.lamina.processor.diagnostics.Location;
import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.AdamModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.SplitMethod;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.CosineLrModel;
import dev.lamina.processor.model.FlattenModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.OptimizerModel;
import dev.lamina.processor.model.SgdModel;
import dev.lamina.processor.model.Source;
import dev.lamina.processor.model.SplitModel;
import dev.lamina.processor.model.StageModel;
import dev.lamina.processor.model.StepLrModel;
import dev.lamina.processor.model.TasksModel;
import dev.lamina.processor.model.TrainModel;
import dev.lamina.spec.Names;
import dev.lamina.spec.contract.DataSplit;
import dev.lamina.spec.contract.TaskKind;
import dev.lamina.spec.contract.TrainingMetric;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 3, for training: the data's {@code @Tasks}, the loss against the output layer and the tasks,
 * hyper-parameter ranges, {@code @Split}, early stopping against the sets the run has, the data source and the
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
        // Tasks that are themselves wrong (none, blank, repeated) are not held against the output width too.
        Optional<TasksModel> tasks = train.tasks().filter(t -> checkTasks(t, report, name));
        boolean tasksKnown = train.tasks().isEmpty() || tasks.isPresent();
        checkLoss(network, train, tasks, tasksKnown, report, name);
        checkRanges(train, report, name);
        checkBatchNorm(network, train, report, name);
        train.split().ifPresent(split -> checkSplit(split, train, tasks, report, name));
        train.earlyStopping().ifPresent(e -> checkEarlyStopping(e, train, report, name));
        train.data().ifPresent(data -> checkData(data, train.source(), report, name));
        checkCallbacks(train, report, name);
    }

    /** The loss's name as PyTorch users know it. */
    static String describe(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> "cross-entropy";
            case BCE_WITH_LOGITS -> "BCE-with-logits";
            case MSE -> "MSE";
            case L1 -> "L1";
            case HUBER -> "Huber";
        };
    }

    /** At least one name, none blank, none repeated; true when the names are usable. */
    private static boolean checkTasks(TasksModel tasks, Report report, String name) {
        String data = tasks.dataClass().getSimpleName().toString();
        if (tasks.tasks().isEmpty()) {
            report.report(Problem.TASKS_EMPTY, tasks.location(), name, data);
            return false;
        }
        boolean valid = true;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < tasks.count(); i++) {
            TasksModel.Task task = tasks.tasks().get(i);
            if (task.name().isBlank()) {
                report.report(Problem.TASK_NAME_BLANK, task.location(), name, data, i + 1, tasks.count());
                valid = false;
                continue;
            }
            Integer first = seen.putIfAbsent(task.name(), i + 1);
            if (first != null) {
                report.report(Problem.TASK_NAME_REPEATED, task.location(), name, data, task.name(), first, i + 1);
                valid = false;
            }
        }
        return valid;
    }

    private void checkLoss(InferredNetwork network, TrainModel train, Optional<TasksModel> tasks, boolean tasksKnown,
            Report report, String name) {
        List<InferredStage> stages = network.stages();
        if (stages.isEmpty() || network.output() == null || !network.output().isFlat()) {
            return;
        }
        String lastStage = stages.get(stages.size() - 1).stage().name();
        long outputs = network.output().features();
        Location loss = train.source().at("loss");
        TaskKind kind = train.taskKind();
        int taskCount = tasks.map(TasksModel::count).orElse(1);
        switch (kind) {
            case CLASSES -> {
                if (taskCount > 1) {
                    report.report(Problem.CROSS_ENTROPY_WITH_TASKS, loss, name, dataName(tasks), taskCount, taskCount,
                            taskCount);
                } else if (outputs < 2) {
                    report.report(Problem.LOSS_NEEDS_CLASSES, loss, name, lastStage, outputs);
                }
            }
            case BINARY, REGRESSION -> {
                if (!tasksKnown || outputs == taskCount) {
                    break;
                }
                if (tasks.isPresent()) {
                    report.report(Problem.OUTPUTS_NOT_TASKS, widthLocation(stages), name, dataName(tasks), taskCount,
                            preview(tasks.get().names()), lastStage, outputs, describe(train.loss()),
                            kind == TaskKind.BINARY ? "logit" : "output", taskCount);
                } else if (kind == TaskKind.BINARY) {
                    report.report(Problem.LOSS_NEEDS_ONE_LOGIT, loss, name, lastStage, outputs, outputs, outputs);
                } else {
                    report.report(Problem.REGRESSION_NEEDS_ONE_OUTPUT, loss, name, describe(train.loss()), lastStage,
                            outputs, outputs);
                }
            }
        }
        List<LayerModel> lastLayers = stages.get(stages.size() - 1).stage().layers();
        if (lastLayers.get(lastLayers.size() - 1) instanceof ActivationModel last) {
            checkHead(last, lastStage, train.loss(), report);
        }
    }

    /** The last activation against what the loss expects of the raw outputs. */
    private static void checkHead(ActivationModel last, String lastStage, Loss loss, Report report) {
        ActivationModel.Activation activation = last.activation();
        Location at = last.source().location();
        switch (train(loss)) {
            case CLASSES -> {
                if (activation == ActivationModel.Activation.Softmax) {
                    report.report(Problem.ACTIVATION_BEFORE_LOSS, at, lastStage, last.kind(), describe(loss), "softmax",
                            last.kind());
                }
            }
            case BINARY -> {
                if (activation == ActivationModel.Activation.Sigmoid) {
                    report.report(Problem.ACTIVATION_BEFORE_LOSS, at, lastStage, last.kind(), describe(loss),
                            "the sigmoid", last.kind());
                }
            }
            case REGRESSION -> {
                if (activation == ActivationModel.Activation.Softmax || activation == ActivationModel.Activation.Sigmoid) {
                    String range = activation == ActivationModel.Activation.Softmax
                            ? "probabilities that sum to 1" : "(0, 1)";
                    report.report(Problem.REGRESSION_HEAD_BOUNDED, at, lastStage, last.kind(), describe(loss), range,
                            last.kind());
                } else if (activation == ActivationModel.Activation.Tanh) {
                    report.report(Problem.REGRESSION_HEAD_TANH, at, lastStage, describe(loss));
                }
            }
        }
    }

    private static TaskKind train(Loss loss) {
        return TrainModel.taskKind(loss);
    }

    private static String dataName(Optional<TasksModel> tasks) {
        return tasks.map(t -> t.dataClass().getSimpleName().toString()).orElse("the data class");
    }

    /** {@code "NR-AR", "NR-AR-LBD", ..., "SR-p53"}: enough to recognise the list, short enough for one line. */
    static String preview(List<String> names) {
        List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
        if (quoted.size() <= 4) {
            return String.join(", ", quoted);
        }
        return quoted.get(0) + ", " + quoted.get(1) + ", ..., " + quoted.get(quoted.size() - 1);
    }

    /**
     * Where the output width is written: {@code out} of the last {@code @Linear} when no layer after it changes
     * the width, otherwise the last stage.
     */
    private static Location widthLocation(List<InferredStage> stages) {
        for (int s = stages.size() - 1; s >= 0; s--) {
            List<LayerModel> layers = stages.get(s).stage().layers();
            for (int i = layers.size() - 1; i >= 0; i--) {
                LayerModel layer = layers.get(i);
                if (layer instanceof LinearModel linear) {
                    return linear.source().at("out");
                }
                if (layer instanceof FlattenModel || layer instanceof Conv2dModel || layer instanceof PoolModel) {
                    return Location.of(stages.get(stages.size() - 1).stage().field());
                }
            }
        }
        return Location.of(stages.get(stages.size() - 1).stage().field());
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

    private void checkSplit(SplitModel split, TrainModel train, Optional<TasksModel> tasks, Report report,
            String name) {
        Source source = split.source();
        boolean validationInRange = split.validation() >= 0 && split.validation() < 1;
        boolean testInRange = split.test() >= 0 && split.test() < 1;
        if (!validationInRange) {
            report.report(Problem.SPLIT_SHARE_OUT_OF_RANGE, source.at("validation"), name, "validation",
                    split.validation(), "validation");
        }
        if (!testInRange) {
            report.report(Problem.SPLIT_SHARE_OUT_OF_RANGE, source.at("test"), name, "test", split.test(), "test");
        }
        if (validationInRange && testInRange && !(split.validation() + split.test() < 1)) {
            report.report(Problem.SPLIT_LEAVES_NO_TRAINING, source.location(), name, split.validation(), split.test(),
                    split.validation() + split.test());
        }
        Set<Integer> seen = new java.util.HashSet<>();
        Set<Integer> reported = new java.util.HashSet<>();
        for (SplitModel.Seed seed : split.seeds()) {
            if (!seen.add(seed.value()) && reported.add(seed.value())) {
                report.report(Problem.SPLIT_SEED_REPEATED, seed.location(), name, split.seedValues().stream()
                        .map(String::valueOf).collect(Collectors.joining(", ", "{", "}")), seed.value());
            }
        }
        Location method = source.at("method");
        if (split.method() == SplitMethod.SCAFFOLD) {
            train.data().ifPresent(data -> RawInputs.of(data, types)
                    .filter(raw -> !isString(raw))
                    .ifPresent(raw -> report.report(Problem.SCAFFOLD_NEEDS_SMILES, method, name, data.getSimpleName(),
                            "DataSource<" + raw + ">")));
        } else if (split.method() == SplitMethod.STRATIFIED) {
            TaskKind kind = train.taskKind();
            if (kind == TaskKind.REGRESSION) {
                report.report(Problem.STRATIFIED_REGRESSION, method, name, describe(train.loss()));
            } else if (kind == TaskKind.BINARY && tasks.map(TasksModel::count).orElse(1) > 1) {
                report.report(Problem.STRATIFIED_SEVERAL_TASKS, method, name, dataName(tasks), tasks.get().count());
            }
        }
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == javax.lang.model.type.TypeKind.DECLARED
                && ((TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement()).getQualifiedName()
                        .contentEquals("java.lang.String");
    }

    /**
     * The monitor names a metric the network has, on the training or the validation set, and the run has the
     * validation set it watches. A test metric is never watched: the test set only scores the chosen model.
     */
    private static void checkEarlyStopping(TrainModel.EarlyStoppingModel stopping, TrainModel train, Report report,
            String name) {
        TaskKind kind = train.taskKind();
        String monitor = stopping.monitor();
        Location at = stopping.source().at("monitor");
        Optional<TrainingMetric> metric = TrainingMetric.byName(monitor, kind);
        if (metric.isEmpty()) {
            List<String> metrics = TrainingMetric.monitorableNames(kind);
            String suggestion = suggest(monitor, metrics).map(m -> " (did you mean \"" + m + "\"?)").orElse("");
            report.report(Problem.UNKNOWN_MONITOR, at, name, monitor, suggestion, String.join(", ", metrics));
        } else if (metric.get().split() == DataSplit.TEST) {
            String twin = new TrainingMetric(DataSplit.VALIDATION, metric.get().measure()).metricName();
            report.report(Problem.MONITOR_TEST_METRIC, at, name, monitor, twin,
                    train.hasValidation() ? "" : " with a validation set: add @Split(validation = 0.1)");
        } else if (metric.get().split() == DataSplit.VALIDATION && !train.hasValidation()) {
            boolean noSplit = train.split().isEmpty();
            report.report(Problem.MONITOR_NEEDS_VALIDATION, at, name, monitor,
                    noSplit ? "the network has no @Split" : "@Split(validation = 0) carves none",
                    noSplit ? "add @Split(validation = 0.1)" : "write @Split(validation = 0.1)");
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

    /**
     * Keras calls the training metrics by the measure alone ({@code loss}, {@code accuracy}); a test metric the
     * network does not have is probably meant on the validation set; otherwise the closest name, if it is close.
     */
    private static Optional<String> suggest(String monitor, List<String> metrics) {
        for (String candidate : List.of("train_" + monitor, monitor.replaceFirst("^test_", "val_"))) {
            if (metrics.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return metrics.stream()
                .min(Comparator.comparingInt(m -> Names.distance(m, monitor)))
                .filter(m -> Names.distance(m, monitor) <= 3);
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
