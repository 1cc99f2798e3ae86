package dev.lamina.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, each with a stable code users can search for and suppress
 * (warnings only) with {@code @SuppressWarnings("lamina:<code>")}. Messages name the member, both
 * numbers where two disagree, and the fix.
 */
public enum Problem {
    LINEAR_INPUT_MISMATCH(
            "lamina:shape",
            "%s: @Linear expects %d input features, but %s produces %d; write @Linear(in = %d, out = %d),"
                    + " or leave out 'in' to infer it"),
    LINEAR_NEEDS_FLAT_INPUT(
            "lamina:shape",
            "%s: @Linear needs flat input of shape (N, features), but %s produces %s; add @Flatten before it"
                    + " (it would produce %d features)"),
    CONV_CHANNELS_MISMATCH(
            "lamina:shape",
            "%s: @Conv2d expects %d input channels, but %s produces %d; write @Conv2d(in = %d, ...), or leave"
                    + " out 'in' to infer it"),
    NEEDS_IMAGE_INPUT(
            "lamina:shape",
            "%s: @%s needs samples of shape (channels, height, width), but %s produces %s; declare an image"
                    + " input, as in @Network(input = {1, 28, 28})"),
    SPATIAL_SIZE_TOO_SMALL(
            "lamina:shape",
            "%s: @%s shrinks the %dx%d input from %s to %dx%d, which leaves nothing to compute on; use a smaller"
                    + " window, more padding, or fewer pooling steps before it"),
    BATCHNORM_FEATURES_MISMATCH(
            "lamina:shape",
            "%s: @BatchNorm(features = %d) does not match the %d features %s produces; write"
                    + " @BatchNorm(features = %d), or leave out 'features' to infer it"),

    DIMENSION_NOT_POSITIVE(
            "lamina:range", "%s: @%s(%s = %d) must be positive: a layer has at least 1 feature"),
    INPUT_DIMENSION_NOT_POSITIVE(
            "lamina:range",
            "%s: @Network input dimension %d is %d, but every dimension must be positive, as in"
                    + " @Network(input = 784)"),
    NETWORK_NAME_INVALID(
            "lamina:range",
            "%s: @Network(name = \"%s\") may only use letters, digits, '_', '-', '.' and single inner spaces, and"
                    + " not only dots;"
                    + " the name becomes a folder, a file header and a report title"),
    NETWORK_TOO_LARGE(
            "lamina:range",
            "%s: at %s the network has more %s than a long can count; use smaller widths"),
    INPUT_MISSING(
            "lamina:range",
            "%s: @Network input names no dimension; give the shape of one sample, as in @Network(input ="
                    + " 784)"),
    PADDING_OUT_OF_RANGE(
            "lamina:range",
            "%s: @%s(padding = %d) must be at least 0%s"),
    DROPOUT_OUT_OF_RANGE(
            "lamina:range",
            "%s: @Dropout(%s) is out of range: p is the probability of dropping an element and must be in"
                    + " [0, 1), as in @Dropout(0.2)"),
    LEAKY_SLOPE_NEGATIVE(
            "lamina:range",
            "%s: @LeakyReLU(%s) has a negative slope; the slope for negative inputs must be >= 0 (PyTorch's"
                    + " default is 0.01)"),
    BATCHNORM_EPS_NOT_POSITIVE(
            "lamina:range",
            "%s: @BatchNorm(eps = %s) must be positive; it keeps the division stable (PyTorch's default is"
                    + " 1e-5)"),
    BATCHNORM_MOMENTUM_OUT_OF_RANGE(
            "lamina:range",
            "%s: @BatchNorm(momentum = %s) must be in [0, 1]: in PyTorch's convention it is the weight of"
                    + " the new batch in the running statistics (default 0.1)"),

    NO_LAYERS(
            "lamina:structure",
            "%s has no layers; declare at least one stage, as in '@Linear(out = 10) Layer logits;'"),
    ANNOTATED_FIELD_NOT_LAYER(
            "lamina:structure",
            "%s: layer annotations belong on a field of type dev.lamina.dsl.Layer, but %s is of type %s;"
                    + " declare it as 'Layer %s;'"),
    LAYER_FIELD_NOT_ASSIGNABLE(
            "lamina:structure",
            "%s: a stage field must not be %s, because the generated network assigns it; remove '%s'"),
    TWO_WEIGHTED_LAYERS(
            "lamina:structure",
            "%s: @Conv2d and @Linear on one member would both own %s.weight and %s.bias; put them on separate"
                    + " members"),
    LAYER_FIELD_WITHOUT_LAYERS(
            "lamina:structure",
            "%s: a field of type Layer needs at least one layer annotation, as in '@Linear(out = 10) Layer"
                    + " %s;'; annotate it or remove it"),
    NETWORK_EXTENDS_NETWORK(
            "lamina:structure",
            "%s extends the network %s, but a network does not inherit stages (%s would be left out of %s);"
                    + " declare every stage in %s, or extend a class without @Network"),
    NETWORK_NAME_DUPLICATE(
            "lamina:name",
            Diagnostic.Kind.WARNING,
            "%s: the network %s is also named \"%s\", so both would train into the run folder <output>/%s and"
                    + " -Dlamina.network=%s could not tell them apart; give one of them another @Network(name = ...)"),
    LAYER_OUTSIDE_NETWORK(
            "lamina:structure",
            "%s: %s only means something inside a class annotated with @Network; annotate %s with"
                    + " @Network(input = ...)"),

    NETWORK_ON_NON_CLASS(
            "lamina:target",
            "@Network needs a class the generated network can extend, but %s is %s; write 'abstract class"
                    + " %s' instead"),
    NETWORK_CLASS_FINAL(
            "lamina:target",
            "@Network class %s must not be final: the generated %s extends it; remove 'final'"),
    NETWORK_CLASS_PRIVATE(
            "lamina:target",
            "@Network class %s must not be private: the generated %s extends it from the same package; make"
                    + " it package-private"),
    NETWORK_CLASS_GENERIC(
            "lamina:target",
            "@Network class %s must not be generic: a network has one fixed architecture; remove the type"
                    + " parameters %s"),
    NETWORK_CLASS_INNER(
            "lamina:target",
            "@Network class %s is an inner class; declare it 'static' so the generated %s can extend it"),
    NETWORK_CLASS_MEMBER_CLASH(
            "lamina:target",
            "@Network class %s declares %s, which the generated %s %s; %s"),
    NETWORK_CLASS_NO_CONSTRUCTOR(
            "lamina:target",
            "@Network class %s needs a constructor without parameters that is not private and throws no"
                    + " checked exception, so the generated %s can call it"),

    ACTIVATION_AFTER_ACTIVATION(
            "lamina:activation",
            Diagnostic.Kind.WARNING,
            "%s: @%s directly follows @%s; two activations in a row are rarely intended (suppress with"
                    + " @SuppressWarnings(\"lamina:activation\"))"),
    SOFTMAX_NOT_LAST(
            "lamina:softmax",
            Diagnostic.Kind.WARNING,
            "%s: @Softmax is not the last layer (@%s in %s follows it); softmax turns outputs into"
                    + " probabilities and belongs at the end (suppress with"
                    + " @SuppressWarnings(\"lamina:softmax\"))"),

    LOSS_NEEDS_CLASSES(
            "lamina:loss",
            "%s: cross-entropy needs one logit per class (at least 2), but %s produces %d; for a yes/no target"
                    + " use @Train(loss = Loss.BCE_WITH_LOGITS) with a single logit"),
    LOSS_NEEDS_ONE_LOGIT(
            "lamina:loss",
            "%s: BCE-with-logits without @Tasks on the data class predicts one yes/no task from one logit, but %s"
                    + " produces %d; write @Linear(out = 1), use @Train(loss = Loss.CROSS_ENTROPY) for %d classes,"
                    + " or name %d yes/no tasks with @Tasks on the data class"),
    REGRESSION_NEEDS_ONE_OUTPUT(
            "lamina:loss",
            "%s: %s without @Tasks on the data class predicts one number, but %s produces %d outputs; write"
                    + " @Linear(out = 1), or name the %d targets with @Tasks on the data class"),
    OUTPUTS_NOT_TASKS(
            "lamina:loss",
            "%s: %s names %d tasks with @Tasks (%s), but the last stage %s produces %d outputs; %s needs one %s"
                    + " per task: write @Linear(out = %d)"),
    CROSS_ENTROPY_WITH_TASKS(
            "lamina:loss",
            "%s: cross-entropy predicts one class per sample, but %s names %d tasks with @Tasks; multi-task"
                    + " classification is not supported: for %d yes/no tasks use @Train(loss = Loss.BCE_WITH_LOGITS)"
                    + " with @Linear(out = %d), or keep one task"),
    REGRESSION_HEAD_BOUNDED(
            "lamina:loss",
            "%s: @%s at the end of a network trained with %s squeezes its outputs into %s, but regression"
                    + " outputs are unbounded numbers; remove @%s (the network ends in one linear output per"
                    + " target)"),
    REGRESSION_HEAD_TANH(
            "lamina:loss",
            Diagnostic.Kind.WARNING,
            "%s: @Tanh at the end of a network trained with %s keeps its outputs in (-1, 1), so targets outside"
                    + " it are never reached; remove @Tanh unless every target is scaled into (-1, 1) (suppress with"
                    + " @SuppressWarnings(\"lamina:loss\"))"),
    ACTIVATION_BEFORE_LOSS(
            "lamina:loss",
            Diagnostic.Kind.WARNING,
            "%s: @%s at the end of a network trained with %s applies it twice: the loss already applies %s"
                    + " to raw logits; remove @%s (predictProbabilities applies it for you). Suppress with"
                    + " @SuppressWarnings(\"lamina:loss\")"),
    SPLIT_SHARE_OUT_OF_RANGE(
            "lamina:split",
            "%s: @Split(%s = %s) is out of range: a share of the data must be in [0, 1), as in @Split(%s = 0.1)"),
    SPLIT_LEAVES_NO_TRAINING(
            "lamina:split",
            "%s: @Split(validation = %s, test = %s) leaves no training data: the shares add up to %s; keep their"
                    + " sum below 1, as in @Split(validation = 0.1, test = 0.1)"),
    SPLIT_SEED_REPEATED(
            "lamina:split",
            "%s: @Split(seeds = %s) repeats the seed %d, which would repeat a run and count it twice in the mean"
                    + " and standard deviation; remove it or use another seed"),
    SCAFFOLD_NEEDS_SMILES(
            "lamina:split",
            "%s: @Split(method = SplitMethod.SCAFFOLD) groups molecules by their Bemis-Murcko scaffold, but %s"
                    + " reads %s, not SMILES; use SplitMethod.RANDOM, or a data source of molecules"
                    + " (DataSource<String>)"),
    STRATIFIED_REGRESSION(
            "lamina:split",
            "%s: @Split(method = SplitMethod.STRATIFIED) keeps the class proportions in every set, but a network"
                    + " trained with %s predicts numbers, which have no classes; use SplitMethod.RANDOM"),
    STRATIFIED_SEVERAL_TASKS(
            "lamina:split",
            "%s: @Split(method = SplitMethod.STRATIFIED) keeps the proportions of one label, but %s names %d"
                    + " tasks with @Tasks; use SplitMethod.RANDOM, or SplitMethod.SCAFFOLD for molecules"),
    TASKS_EMPTY(
            "lamina:tasks",
            "%s: @Tasks on %s names no task; name one per label column, as in @Tasks({\"NR-AR\", \"SR-p53\"}),"
                    + " or remove @Tasks for one label per sample"),
    TASK_NAME_BLANK(
            "lamina:tasks",
            "%s: @Tasks on %s has a blank name (task %d of %d); every task needs a name: it labels the task's"
                    + " metrics, report rows and prediction columns"),
    TASK_NAME_REPEATED(
            "lamina:tasks",
            "%s: @Tasks on %s names \"%s\" twice (tasks %d and %d); each name is one label column: rename or"
                    + " remove one"),
    TRAINING_VALUE_OUT_OF_RANGE(
            "lamina:range", "%s: @%s(%s = %s) is out of range: %s"),
    NESTEROV_WITHOUT_MOMENTUM(
            "lamina:range", "%s: @Sgd(nesterov = true) needs a momentum above 0, as in @Sgd(lr = 0.01,"
                    + " momentum = 0.9, nesterov = true)"),
    BATCHNORM_WITH_BATCH_SIZE_ONE(
            "lamina:train",
            "%s: @Train(batchSize = 1) cannot train the @BatchNorm in %s: batch statistics need at least 2"
                    + " samples per batch; use batchSize >= 2 or remove @BatchNorm"),
    UNKNOWN_MONITOR(
            "lamina:train",
            "%s: @EarlyStopping(monitor = \"%s\") names a metric the trainer never produces%s; it can watch %s"),
    MONITOR_TEST_METRIC(
            "lamina:train",
            "%s: @EarlyStopping(monitor = \"%s\") would choose the epoch on the test set, but the test set only"
                    + " scores the chosen model (a choice made on it makes its score optimistic); monitor \"%s\"%s"),
    MONITOR_NEEDS_VALIDATION(
            "lamina:train",
            "%s: @EarlyStopping(monitor = \"%s\") needs a validation set, but %s; %s, or monitor"
                    + " \"train_loss\""),
    TWO_OPTIMIZERS(
            "lamina:train", "%s has two optimizers; keep either @Adam or @Sgd"),
    TWO_SCHEDULES(
            "lamina:train", "%s has two learning-rate schedules; keep either @StepLr or @CosineLr"),
    TRAINING_OUTSIDE_NETWORK(
            "lamina:train",
            "%s: %s only means something on a class annotated with @Network; add @Network(input = ...) or remove"
                    + " them"),
    TRAINING_ANNOTATION_WITHOUT_TRAIN(
            "lamina:train", "%s: @%s only has a meaning next to @Train; add @Train to the network"),
    DATA_NOT_A_DATA_SOURCE(
            "lamina:train",
            "%s: @Train(data = %s.class) must implement dev.lamina.runtime.data.DataSource, which loads the"
                    + " training and test data"),
    DATA_RAW_INPUT_UNDECLARED(
            "lamina:train",
            "%s: @Train(data = %s.class) implements DataSource without its raw input type; write implements"
                    + " DataSource<float[]> (features, images) or DataSource<String> (SMILES): the input the trained"
                    + " model predicts from"),
    DATA_NOT_INSTANTIABLE(
            "lamina:train",
            "%s: @Train(data = %s.class) needs to be a public, non-abstract, top-level or static class with a"
                    + " public constructor without parameters that throws no checked exception, so the trainer can"
                    + " create it"),
    CALLBACK_NOT_A_CALLBACK(
            "lamina:train",
            "%s: @Train(callbacks = %s.class) must implement dev.lamina.runtime.train.TrainingCallback, which the"
                    + " trainer tells about the run"),
    CALLBACK_NOT_INSTANTIABLE(
            "lamina:train",
            "%s: @Train(callbacks = %s.class) needs to be a public, non-abstract, top-level or static class with"
                    + " a public constructor without parameters that throws no checked exception, so each run can"
                    + " create it"),
    RUNTIME_MISSING(
            "lamina:train",
            "%s: @Train(%s = ...) needs Lamina's runtime on the class path: add the dependency"
                    + " dev.lamina:lamina-runtime"),

    INPUTS_BOTH(
            "lamina:graph",
            "%s: @Network gives both input and inputs; keep inputs = {@Input(...), ...} for named inputs, or"
                    + " input = ... for one unnamed input"),
    /** A graph declaration that is wrong before any shape: an empty or doubled source list, a bad input name. */
    GRAPH_DECLARATION(
            "lamina:graph",
            "%s: %s"),
    /** A wiring or shape problem of a graph network, in {@code GraphShapes}' words. */
    GRAPH(
            "lamina:graph",
            "%s"),
    GRAPH_TRAIN_UNSUPPORTED(
            "lamina:graph",
            "%s: training networks with several inputs, merges or skips is not supported yet; remove @Train and"
                    + " build the network with %s.create(), or train a network that is one stack"),

    /**
     * After the last round a value is still unresolved and the compiler reports no error of its own. Not
     * reported where javac does: an unresolved name in the source is javac's "cannot find symbol" on the
     * same attribute, which this would only repeat.
     */
    UNRESOLVED_VALUE(
            "lamina:unresolved",
            "%s: @%s(%s) is still unresolved (%s) after every annotation processing round, so nothing was"
                    + " generated for the network; name a class or constant that exists, or make sure the"
                    + " annotation processor that generates it runs in this compilation"),

    INTERNAL_ERROR(
            "lamina:internal",
            "Lamina's processor failed on %s; nothing was generated for it. This is a bug in Lamina,"
                    + " please report it with this trace:%n%s");

    private final String code;
    private final Diagnostic.Kind kind;
    private final String format;

    Problem(String code, String format) {
        this(code, Diagnostic.Kind.ERROR, format);
    }

    Problem(String code, Diagnostic.Kind kind, String format) {
        this.code = code;
        this.kind = kind;
        this.format = format;
    }

    /** The stable code, such as {@code lamina:shape}. */
    public String code() {
        return code;
    }

    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The full message: {@code [code] } followed by the formatted text. */
    public String message(Object... arguments) {
        return "[" + code + "] " + String.format(format, arguments);
    }
}
