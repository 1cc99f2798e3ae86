package dev.lamina.processor.parse;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.SplitMethod;
import dev.lamina.processor.diagnostics.Location;
import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.AdamModel;
import dev.lamina.processor.model.CosineLrModel;
import dev.lamina.processor.model.OptimizerModel;
import dev.lamina.processor.model.ScheduleModel;
import dev.lamina.processor.model.SgdModel;
import dev.lamina.processor.model.Source;
import dev.lamina.processor.model.SplitModel;
import dev.lamina.processor.model.StepLrModel;
import dev.lamina.processor.model.TasksModel;
import dev.lamina.processor.model.TrainModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Train}, the optimizer, the schedule, early stopping and {@code @Split} of a network class, and
 * {@code @Tasks} of its data class.
 */
public final class TrainParser {

    public static final String TRAIN_ANNOTATION = LayerAnnotations.PACKAGE + ".Train";
    static final String TRAIN = TRAIN_ANNOTATION;
    static final String SGD = LayerAnnotations.PACKAGE + ".Sgd";
    static final String STEP_LR = LayerAnnotations.PACKAGE + ".StepLr";
    static final List<String> OPTIMIZERS = List.of(LayerAnnotations.PACKAGE + ".Adam", SGD);
    static final List<String> SCHEDULES = List.of(STEP_LR, LayerAnnotations.PACKAGE + ".CosineLr");
    static final String EARLY_STOPPING = LayerAnnotations.PACKAGE + ".EarlyStopping";
    static final String SPLIT = LayerAnnotations.PACKAGE + ".Split";
    static final String TASKS = LayerAnnotations.PACKAGE + ".Tasks";

    /** Every annotation that only has a meaning next to {@code @Train}. */
    public static final List<String> TRAINING_COMPANIONS = List.of(
            LayerAnnotations.PACKAGE + ".Adam", LayerAnnotations.PACKAGE + ".Sgd",
            LayerAnnotations.PACKAGE + ".StepLr", LayerAnnotations.PACKAGE + ".CosineLr", EARLY_STOPPING, SPLIT);

    private final AnnotationValues values;
    private final Predicate<TypeElement> compiledNow;

    /**
     * @param compiledNow whether a class is compiled in this compilation (then a diagnostic about its
     *     {@code @Tasks} points at the annotation; a class from a jar has no source to point at)
     */
    public TrainParser(Elements elements, Predicate<TypeElement> compiledNow) {
        this.values = new AnnotationValues(elements);
        this.compiledNow = compiledNow;
    }

    /** Empty when the class has no {@code @Train}; companions without it are reported. */
    public Optional<TrainModel> parse(TypeElement type, Report report) {
        Optional<AnnotationMirror> train = find(type, TRAIN);
        if (train.isEmpty()) {
            for (AnnotationMirror companion : type.getAnnotationMirrors()) {
                if (TRAINING_COMPANIONS.contains(NetworkParser.qualifiedName(companion))) {
                    report.report(Problem.TRAINING_ANNOTATION_WITHOUT_TRAIN, new Source(type, companion).location(),
                            type.getSimpleName(), companion.getAnnotationType().asElement().getSimpleName());
                }
            }
            return Optional.empty();
        }
        AnnotationMirror mirror = train.get();
        Source source = new Source(type, mirror);
        List<AnnotationMirror> optimizers = findAll(type, OPTIMIZERS);
        List<AnnotationMirror> schedules = findAll(type, SCHEDULES);
        if (optimizers.size() > 1) {
            report.report(Problem.TWO_OPTIMIZERS, new Source(type, optimizers.get(1)).location(), type.getSimpleName());
        }
        if (schedules.size() > 1) {
            report.report(Problem.TWO_SCHEDULES, new Source(type, schedules.get(1)).location(), type.getSimpleName());
        }
        Optional<TypeElement> data = dataClass(source, report);
        return Optional.of(new TrainModel(
                source,
                data,
                callbacks(source, report),
                values.getEnum(mirror, "loss", Loss.class),
                values.getInt(mirror, "epochs"),
                values.getInt(mirror, "batchSize"),
                (Boolean) values.get(mirror, "shuffle").getValue(),
                values.getInt(mirror, "seed"),
                optimizers.isEmpty() ? AdamModel.implicitDefault() : optimizer(new Source(type, optimizers.get(0))),
                schedules.isEmpty() ? Optional.empty() : Optional.of(schedule(new Source(type, schedules.get(0)))),
                find(type, EARLY_STOPPING).map(a -> earlyStopping(new Source(type, a))),
                find(type, SPLIT).map(a -> split(new Source(type, a))),
                data.flatMap(d -> tasks(d, source))));
    }

    private SplitModel split(Source source) {
        AnnotationMirror a = source.annotation();
        Object seeds = values.get(a, "seeds").getValue();
        if (!(seeds instanceof List<?> elements)) {
            throw new UnresolvedValueException("Split", "seeds", seeds);
        }
        List<SplitModel.Seed> parsed = new ArrayList<>();
        for (Object element : elements) {
            AnnotationValue seed = (AnnotationValue) element;
            if (!(seed.getValue() instanceof Integer value)) {
                throw new UnresolvedValueException("Split", "seeds", seed.getValue());
            }
            parsed.add(new SplitModel.Seed(value, new Location(source.element(), a, seed)));
        }
        return new SplitModel(source, values.getDouble(a, "validation"), values.getDouble(a, "test"),
                values.getEnum(a, "method", SplitMethod.class), parsed,
                (Boolean) values.get(a, "testEveryEpoch").getValue());
    }

    /**
     * {@code @Tasks} of the data class, through its annotation mirror (compiled now or read from a class file
     * alike). Diagnostics point at each name when the data class is compiled now, otherwise at {@code
     * @Train(data = ...)}.
     */
    private Optional<TasksModel> tasks(TypeElement data, Source train) {
        Optional<AnnotationMirror> found = find(data, TASKS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnnotationMirror a = found.get();
        boolean here = compiledNow.test(data);
        Location fallback = train.at("data");
        Object names = values.get(a, "value").getValue();
        if (!(names instanceof List<?> elements)) {
            throw new UnresolvedValueException("Tasks", "value", names);
        }
        List<TasksModel.Task> tasks = new ArrayList<>();
        for (Object element : elements) {
            AnnotationValue name = (AnnotationValue) element;
            if (!(name.getValue() instanceof String text)) {
                throw new UnresolvedValueException("Tasks", "value", name.getValue());
            }
            tasks.add(new TasksModel.Task(text, here ? new Location(data, a, name) : fallback));
        }
        return Optional.of(new TasksModel(data, tasks, here ? new Source(data, a).at("value") : fallback));
    }

    private Optional<TypeElement> dataClass(Source train, Report report) {
        Object value = values.get(train.annotation(), "data").getValue();
        if (!(value instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR) {
            throw new UnresolvedValueException("Train", "data", value);
        }
        if (type.getKind() == TypeKind.VOID) {
            return Optional.empty();
        }
        if (type.getKind() != TypeKind.DECLARED) {
            // int.class, String[].class: a type, but not a class the trainer could create.
            report.report(Problem.DATA_NOT_A_DATA_SOURCE, train.at("data"), train.element().getSimpleName(), type);
            return Optional.empty();
        }
        return Optional.of((TypeElement) ((DeclaredType) type).asElement());
    }

    /** The classes of {@code callbacks}; a type that is no class is reported and left out. */
    private List<TrainModel.CallbackModel> callbacks(Source train, Report report) {
        Object value = values.get(train.annotation(), "callbacks").getValue();
        if (!(value instanceof List<?> elements)) {
            throw new UnresolvedValueException("Train", "callbacks", value);
        }
        List<TrainModel.CallbackModel> callbacks = new ArrayList<>();
        for (Object element : elements) {
            AnnotationValue annotationValue = (AnnotationValue) element;
            Location at = new Location(train.element(), train.annotation(), annotationValue);
            Object type = annotationValue.getValue();
            if (!(type instanceof TypeMirror mirror) || mirror.getKind() == TypeKind.ERROR) {
                throw new UnresolvedValueException("Train", "callbacks", type);
            }
            if (mirror.getKind() != TypeKind.DECLARED) {
                // int.class, String[].class: a type, but not a class the trainer could create.
                report.report(Problem.CALLBACK_NOT_A_CALLBACK, at, train.element().getSimpleName(), mirror);
                continue;
            }
            callbacks.add(new TrainModel.CallbackModel((TypeElement) ((DeclaredType) mirror).asElement(), at));
        }
        return List.copyOf(callbacks);
    }

    private OptimizerModel optimizer(Source source) {
        AnnotationMirror a = source.annotation();
        if (NetworkParser.qualifiedName(a).equals(SGD)) {
            return new SgdModel(Optional.of(source), values.getDouble(a, "lr"), values.getDouble(a, "momentum"),
                    (Boolean) values.get(a, "nesterov").getValue(), values.getDouble(a, "weightDecay"));
        }
        return new AdamModel(Optional.of(source), values.getDouble(a, "lr"), values.getDouble(a, "beta1"),
                values.getDouble(a, "beta2"), values.getDouble(a, "eps"), values.getDouble(a, "weightDecay"));
    }

    private ScheduleModel schedule(Source source) {
        AnnotationMirror a = source.annotation();
        return NetworkParser.qualifiedName(a).equals(STEP_LR)
                ? new StepLrModel(source, values.getInt(a, "stepSize"), values.getDouble(a, "gamma"))
                : new CosineLrModel(source, values.getInt(a, "epochs"), values.getDouble(a, "minLr"));
    }

    private TrainModel.EarlyStoppingModel earlyStopping(Source source) {
        AnnotationMirror a = source.annotation();
        return new TrainModel.EarlyStoppingModel(source, values.getString(a, "monitor"), values.getInt(a, "patience"),
                values.getDouble(a, "minDelta"), (Boolean) values.get(a, "restoreBest").getValue());
    }

    private static Optional<AnnotationMirror> find(TypeElement type, String qualifiedName) {
        return findAll(type, List.of(qualifiedName)).stream().findFirst();
    }

    private static List<AnnotationMirror> findAll(TypeElement type, List<String> qualifiedNames) {
        return type.getAnnotationMirrors().stream()
                .filter(a -> qualifiedNames.contains(NetworkParser.qualifiedName(a)))
                .map(a -> (AnnotationMirror) a)
                .toList();
    }
}
