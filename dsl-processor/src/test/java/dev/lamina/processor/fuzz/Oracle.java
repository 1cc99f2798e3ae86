package dev.lamina.processor.fuzz;

import dev.lamina.processor.fuzz.FuzzCase.Ann;
import dev.lamina.processor.fuzz.FuzzCase.Field;
import dev.lamina.processor.fuzz.Verdict.Expected;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a {@link FuzzCase} by the language's documented rules (the annotations' Javadoc, README and the
 * codes in {@code Problem}), written out here independently of the processor's code:
 *
 * <ul>
 *   <li>{@code @Network} needs a class a generated subclass can extend: not final, an interface, enum,
 *       record or annotation type, generic, private or inner, and with a non-private constructor without
 *       parameters: {@code lamina:target} on the declaration;
 *   <li>every input dimension positive, at least one; a written name only of letters, digits, '_', '-', '.'
 *       and single inner spaces: {@code lamina:range} on {@code @Network};
 *   <li>layer annotations only on non-static, non-private, non-final fields of type {@code Layer}, a
 *       {@code Layer} field has at least one, a network at least one stage, a member at most one of Linear
 *       and Conv2d: {@code lamina:structure};
 *   <li>widths, kernels, strides and dilations positive, paddings at least 0 (pooling: at most half the
 *       window), {@code Dropout} in [0, 1), {@code LeakyReLU} slope at least 0, {@code BatchNorm} eps
 *       positive and momentum in [0, 1]: {@code lamina:range} on the field;
 *   <li>an explicit {@code Linear.in}, {@code Conv2d.in} or {@code BatchNorm.features} equals what flows in,
 *       a Linear gets flat input, Conv2d and pooling get (channels, height, width) and leave at least 1x1
 *       (PyTorch's output size formula): {@code lamina:shape} on the field. No cascade: after a width that
 *       cannot be known (a bad width, a dropped stage) shapes are unknown and shape errors only tolerated;
 *   <li>parameter or activation bytes beyond a long: {@code lamina:range} (anywhere);
 *   <li>training: {@code @Train} ranges, one optimizer, one schedule, companions (and {@code @Split}) only with
 *       {@code @Train}, the loss against the output width (cross-entropy at least 2, otherwise 1 without
 *       {@code @Tasks}), no Sigmoid or Softmax ending a regression network, batch size 1 with BatchNorm, the
 *       monitor names a training or validation metric of the loss's kind (a validation one needs {@code @Split}
 *       with a validation share other than 0), {@code @Split} shares in [0, 1) adding up to less than 1, seeds
 *       not repeated, a scaffold split not on float[] data, a stratified one not for regression, the data
 *       source a public, non-abstract, static class implementing DataSource the trainer can create with
 *       {@code new}; checked only once the network itself has no error (follow-ups are tolerated);
 *   <li>every double attribute must be a finite number in its range (the runtime rejects infinite ones);
 *   <li>the generated class must compile next to the user's: an abstract method it cannot implement, a
 *       final or static method or an incompatible signature it would override, a constructor it calls that
 *       throws a checked exception must be an error on the user's class (any Lamina code), not in
 *       generated code;
 *   <li>graph cases ({@link GraphCases}): sources exist and come earlier, {@code @Add} widths agree, a residual
 *       keeps its width, no unread stage continuing from the one above, no unread input: {@code lamina:graph}
 *       on the stage (an input's on {@code @Network}); a valid graph's outputs and parameter counts.
 * </ul>
 */
final class Oracle {

    static final String TARGET = "lamina:target";
    static final String RANGE = "lamina:range";
    static final String SHAPE = "lamina:shape";
    static final String STRUCTURE = "lamina:structure";
    static final String TRAIN = "lamina:train";
    static final String LOSS = "lamina:loss";
    static final String SPLIT = "lamina:split";
    static final String GRAPH = "lamina:graph";

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Names become folders, file headers and titles: letters, digits, '_', '-', '.', single inner spaces, not only dots. */
    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+( [A-Za-z0-9_.-]+)*");

    private final FuzzCase c;
    private final Verdict v = new Verdict();
    private final List<Expected> networkErrors = new ArrayList<>();
    private final List<Expected> networkTolerated = new ArrayList<>();
    private final List<Expected> trainingErrors = new ArrayList<>();
    private final List<Expected> trainingTolerated = new ArrayList<>();

    private Oracle(FuzzCase c) {
        this.c = c;
    }

    static Verdict judge(FuzzCase c) {
        return new Oracle(c).judge();
    }

    private Verdict judge() {
        if (c.graph) {
            return judgeGraph();
        }
        if (c.hasJavacError()) {
            return javacVerdict();
        }
        Ann network = c.network();
        if (network == null) {
            return notANetwork();
        }
        v.network = true;
        checkNetwork(network);
        checkTraining();
        boolean callableConstructor = c.renderedConstructors().isEmpty() || c.renderedConstructors().stream()
                .anyMatch(k -> k.noArguments() && !k.modifiers().equals("private"));
        boolean hidden = c.nesting == FuzzCase.Nesting.PRIVATE_STATIC_NESTED || c.isInner();
        if (!c.shape.extendable() || !callableConstructor || hidden) {
            v.network = false;
            v.mandatory.add(new Expected(Set.of(c.declarationLine()), TARGET, "@Network on " + c.shape
                    + (callableConstructor ? "" : " without a callable constructor") + " nested " + c.nesting));
            v.allowed.addAll(networkErrors);
            v.allowed.addAll(networkTolerated);
            v.allowed.addAll(trainingErrors);
            v.allowed.addAll(trainingTolerated);
        } else {
            v.mandatory.addAll(networkErrors);
            v.allowed.addAll(networkTolerated);
            // The processor checks training only once the network itself is clean (even of tolerated errors).
            if (networkErrors.isEmpty() && networkTolerated.isEmpty()) {
                v.mandatory.addAll(trainingErrors);
            } else {
                v.allowed.addAll(trainingErrors);
            }
            v.allowed.addAll(trainingTolerated);
        }
        return v;
    }

    private Verdict javacVerdict() {
        v.javac = true;
        Set<Integer> lines = new LinkedHashSet<>();
        for (Ann a : c.classAnnotations) {
            if (a.javacError != null) {
                lines.add(c.classAnnotationLine(a));
            }
        }
        for (Field f : c.renderedFields()) {
            if (f.repeatsAnnotation() || f.annotations.stream().anyMatch(a -> a.javacError != null)) {
                lines.add(c.fieldLine(f));
            }
        }
        if (c.abstractMemberInConcreteClass() || c.conflictingModifiers()) {
            lines.add(c.declarationLine());
        }
        v.mandatory.add(new Expected(lines, "javac", "javac rejects the source"));
        v.allowed.add(new Expected(null, "*", "anything but an internal error once javac has failed"));
        return v;
    }

    private Verdict notANetwork() {
        for (Field f : c.renderedFields()) {
            if (!f.layerAnnotations().isEmpty()) {
                v.mandatory.add(new Expected(Set.of(c.fieldLine(f)), STRUCTURE, "layer annotation outside a network"));
            }
        }
        for (Ann a : c.classAnnotations("Train", "Adam", "Sgd", "StepLr", "CosineLr", "EarlyStopping", "Split")) {
            v.mandatory.add(new Expected(Set.of(c.classAnnotationLine(a), c.declarationLine()), TRAIN,
                    "@" + a.kind + " without @Network"));
        }
        return v;
    }

    // ---------------------------------------------------------------- the network

    private void error(List<Expected> into, int line, String code, String reason) {
        into.add(new Expected(Set.of(line), code, reason));
    }

    private void checkNetwork(Ann network) {
        int networkLine = c.classAnnotationLine(network);
        String written = network.has("name") ? (String) network.attr("name").value() : "";
        v.name = written.isEmpty() ? c.networkSimpleName() : written;
        if (!written.isEmpty() && (!NAME.matcher(written).matches() || written.matches("\\.+"))) {
            error(networkErrors, networkLine, RANGE, "network name \"" + written + "\"");
        }
        int[] dims = (int[]) network.attr("input").value();
        v.input = Arrays.stream(dims).mapToObj(d -> (long) d).toList();
        if (dims.length == 0) {
            error(networkErrors, networkLine, RANGE, "no input dimension");
        }
        for (int d : dims) {
            if (d <= 0) {
                error(networkErrors, networkLine, RANGE, "input dimension " + d);
            }
        }
        List<Long> shape = dims.length == 0 || Arrays.stream(dims).anyMatch(d -> d <= 0) ? null : v.input;
        if (shape != null) {
            noteActivation(shape);
        }
        int candidates = 0;
        for (Field f : c.renderedFields()) {
            int line = c.fieldLine(f);
            List<Ann> layers = f.layerAnnotations();
            if (layers.isEmpty()) {
                if (f.isLayerType()) {
                    candidates++;
                    error(networkErrors, line, STRUCTURE, "Layer field without layer annotations");
                }
                continue;
            }
            candidates++;
            List<String> forbidden = f.modifiers.stream().filter(m -> List.of("static", "private", "final").contains(m))
                    .toList();
            if (!f.isLayerType() || !forbidden.isEmpty()) {
                error(networkErrors, line, STRUCTURE, !f.isLayerType() ? "layer annotations on a " + f.type
                        : "stage field is " + forbidden);
                // Not a stage: its values are not required to be checked, and what flows on is unknown.
                error(networkTolerated, line, RANGE, "values of a field that is not a stage");
                error(networkTolerated, line, SHAPE, "widths of a field that is not a stage");
                shape = null;
                continue;
            }
            shape = stage(f, line, layers, shape);
        }
        if (v.stages.isEmpty()) {
            if (candidates == 0 && networkErrors.isEmpty()) {
                error(networkErrors, networkLine, STRUCTURE, "no layers");
            } else {
                error(networkTolerated, networkLine, STRUCTURE, "no stage (besides other errors)");
            }
        }
        checkNetworkTests();
        // The generated class extends the user's: members it cannot compile next to, and a constructor it
        // cannot call, must be an error on the user's class, not in generated code.
        for (FuzzCase.Member m : c.renderedMembers()) {
            if (m.breaksGeneration() != null) {
                networkErrors.add(new Expected(Set.of(c.memberLine(m), c.declarationLine()), "*", m.breaksGeneration()));
            }
        }
        for (FuzzCase.Constructor k : c.renderedConstructors()) {
            if (k.noArguments() && !k.modifiers().equals("private") && k.checked()) {
                networkErrors.add(new Expected(Set.of(c.constructorLine(k), c.declarationLine()), "*",
                        "the constructor the generated class calls throws " + k.throwsClause()));
            }
        }
        BigInteger four = BigInteger.valueOf(4);
        boolean tooLarge = v.trainable.add(v.nonTrainable).multiply(four).compareTo(LONG_MAX) > 0
                || activations.multiply(four).compareTo(LONG_MAX) > 0;
        if (tooLarge && networkErrors.isEmpty()) {
            // Parameter bytes or activation bytes a long cannot count: one lamina:range error, on the
            // network or the layer where it happens (Problem.NETWORK_TOO_LARGE).
            networkErrors.add(new Expected(null, RANGE, "sizes beyond a long"));
        } else if (tooLarge || flopsBound.compareTo(LONG_MAX) > 0) {
            // FLOPs are the processor's own estimate (bounded here), or the network has other errors too.
            networkTolerated.add(new Expected(null, RANGE, "counts beyond a long"));
        }
    }

    /** Values of all layer outputs of one sample, summed: the activation memory in the summary. */
    private BigInteger activations = BigInteger.ZERO;

    private BigInteger flopsBound = BigInteger.ZERO;

    private void noteActivation(List<Long> shape) {
        shape.stream().mapToLong(Long::longValue).max().ifPresent(d -> v.largestDimension = Math.max(v.largestDimension, d));
        BigInteger size = size(shape);
        if (size.compareTo(v.largestActivation) > 0) {
            v.largestActivation = size;
        }
        flopsBound = flopsBound.add(size.multiply(BigInteger.valueOf(3)));
    }

    private static BigInteger size(List<Long> shape) {
        return shape.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
    }

    /** One stage's layers in order; returns the shape that flows on (null: unknown). */
    private List<Long> stage(Field f, int line, List<Ann> layers, List<Long> shape) {
        List<String> parameters = new ArrayList<>();
        boolean known = true;
        for (Ann a : layers) {
            // Sizes near a long's end: the processor may stop checking shapes at the layer that overflows.
            uncertain |= flopsBound.compareTo(LONG_MAX) > 0 || activations.shiftLeft(2).compareTo(LONG_MAX) > 0;
            switch (a.kind) {
                case "Linear" -> {
                    Integer in = a.has("in") ? (Integer) a.attr("in").value() : null;
                    int out = (Integer) a.attr("out").value();
                    if (in != null && in <= 0) {
                        error(networkErrors, line, RANGE, "Linear in = " + in);
                    }
                    if (out <= 0) {
                        error(networkErrors, line, RANGE, "Linear out = " + out);
                    }
                    if (shape == null) {
                        error(networkTolerated, line, SHAPE, "Linear after an unknown width");
                        known = false;
                    } else if (shape.size() != 1 && size(shape).compareTo(LONG_MAX) > 0) {
                        // Needs Flatten, whose width a long cannot hold: either error says so.
                        networkErrors.add(new Expected(Set.of(line), "*", "Linear on input of shape " + shape));
                        known = false;
                    } else if (shape.size() != 1) {
                        shapeError(line, "Linear on input of shape " + shape);
                        known = false;
                    } else if (in != null && in > 0 && in.longValue() != shape.get(0)) {
                        shapeError(line, "Linear in = " + in + " after width " + shape.get(0));
                        known = false;
                    } else if (in != null && in <= 0) {
                        error(networkTolerated, line, SHAPE, "Linear with a non-positive in");
                        known = false;
                    } else if (out > 0) {
                        BigInteger width = BigInteger.valueOf(shape.get(0));
                        v.trainable = v.trainable.add(width.multiply(BigInteger.valueOf(out)).add(BigInteger.valueOf(out)));
                        flopsBound = flopsBound.add(width.multiply(BigInteger.valueOf(out)).shiftLeft(1));
                        parameters.add(f.name + ".weight");
                        parameters.add(f.name + ".bias");
                    }
                    shape = out > 0 ? List.of((long) out) : null;
                }
                case "BatchNorm" -> {
                    Integer features = a.has("features") ? (Integer) a.attr("features").value() : null;
                    if (features != null && features <= 0) {
                        error(networkErrors, line, RANGE, "BatchNorm features = " + features);
                    }
                    double eps = a.doubleValue("eps", 1e-5);
                    if (!(Double.isFinite(eps) && eps > 0)) {
                        error(networkErrors, line, RANGE, "BatchNorm eps = " + eps);
                    }
                    double momentum = a.doubleValue("momentum", 0.1);
                    if (!(momentum >= 0 && momentum <= 1)) {
                        error(networkErrors, line, RANGE, "BatchNorm momentum = " + momentum);
                    }
                    v.batchNorm = true;
                    if (shape == null) {
                        error(networkTolerated, line, SHAPE, "BatchNorm after an unknown width");
                        known = false;
                    } else if (features != null && features > 0 && features.longValue() != shape.get(0)) {
                        shapeError(line, "BatchNorm features = " + features + " after " + shape);
                        shape = null; // the declared and the incoming width disagree: either may flow on
                        known = false;
                    } else {
                        BigInteger n = BigInteger.valueOf(shape.get(0));
                        v.trainable = v.trainable.add(n.shiftLeft(1));
                        v.nonTrainable = v.nonTrainable.add(n.shiftLeft(1));
                        parameters.addAll(List.of(f.name + ".bn.weight", f.name + ".bn.bias", f.name + ".bn.running_mean",
                                f.name + ".bn.running_var"));
                    }
                }
                case "Dropout" -> {
                    double p = a.doubleValue("value", 0.5);
                    if (!(p >= 0 && p < 1)) {
                        error(networkErrors, line, RANGE, "Dropout p = " + p);
                    }
                    v.dropouts.add(p);
                }
                case "Flatten" -> {
                    if (shape == null) {
                        known = false;
                    } else {
                        shape = List.of(size(shape).compareTo(LONG_MAX) > 0 ? -1L : size(shape).longValue());
                        if (shape.get(0) < 0) {
                            shape = null; // beyond a long: the overflow rule covers it
                            known = false;
                        }
                    }
                }
                case "Conv2d" -> {
                    Integer in = a.has("in") ? (Integer) a.attr("in").value() : null;
                    int out = a.intValue("out", 1);
                    int kernel = a.intValue("kernel", 1);
                    int stride = a.intValue("stride", 1);
                    int padding = a.intValue("padding", 0);
                    int dilation = a.intValue("dilation", 1);
                    boolean paramsOk = kernel > 0 && stride > 0 && padding >= 0 && dilation > 0;
                    if (in != null && in <= 0) {
                        error(networkErrors, line, RANGE, "Conv2d in = " + in);
                    }
                    for (String attribute : List.of("out", "kernel", "stride", "dilation")) {
                        int value = a.intValue(attribute, 1);
                        if (value <= 0) {
                            error(networkErrors, line, RANGE, "Conv2d " + attribute + " = " + value);
                        }
                    }
                    if (padding < 0) {
                        error(networkErrors, line, RANGE, "Conv2d padding = " + padding);
                    }
                    if (layers.stream().anyMatch(x -> x.kind.equals("Linear"))) {
                        error(networkErrors, line, STRUCTURE, "Conv2d and Linear on one member");
                    }
                    if (shape == null) {
                        error(networkTolerated, line, SHAPE, "Conv2d after an unknown shape");
                        known = false;
                        continue;
                    }
                    if (shape.size() != 3) {
                        shapeError(line, "Conv2d on input of shape " + shape);
                        shape = null;
                        known = false;
                        continue;
                    }
                    long channels = shape.get(0);
                    if (in != null && in > 0 && in.longValue() != channels) {
                        shapeError(line, "Conv2d in = " + in + " after " + channels + " channels");
                        known = false;
                    } else if (in != null && in <= 0) {
                        error(networkTolerated, line, SHAPE, "Conv2d with a non-positive in");
                        known = false;
                    }
                    if (!paramsOk) {
                        shape = null;
                        known = false;
                        continue;
                    }
                    long height = windowed(shape.get(1), kernel, stride, padding, dilation);
                    long width = windowed(shape.get(2), kernel, stride, padding, dilation);
                    if (height < 1 || width < 1) {
                        shapeError(line, "Conv2d leaves " + height + "x" + width);
                        shape = null;
                        known = false;
                        continue;
                    }
                    if (out <= 0) {
                        shape = null;
                        known = false;
                        continue;
                    }
                    if (known) {
                        BigInteger weights = BigInteger.valueOf(out).multiply(BigInteger.valueOf(channels))
                                .multiply(BigInteger.valueOf((long) kernel * kernel));
                        v.trainable = v.trainable.add(weights).add(BigInteger.valueOf(out));
                        flopsBound = flopsBound.add(weights.shiftLeft(1).multiply(BigInteger.valueOf(height))
                                .multiply(BigInteger.valueOf(width)));
                        parameters.add(f.name + ".weight");
                        parameters.add(f.name + ".bias");
                    }
                    shape = List.of((long) out, height, width);
                }
                case "MaxPool2d", "AvgPool2d" -> {
                    int kernel = a.intValue("value", 1);
                    int stride = a.has("stride") ? a.intValue("stride", 1) : kernel;
                    int padding = a.intValue("padding", 0);
                    if (kernel <= 0) {
                        error(networkErrors, line, RANGE, a.kind + " window = " + kernel);
                    }
                    if (stride <= 0) {
                        error(networkErrors, line, RANGE, a.kind + " stride = " + stride);
                    }
                    boolean paddingOk = padding >= 0 && (kernel <= 0 || 2L * padding <= kernel);
                    if (!paddingOk) {
                        error(networkErrors, line, RANGE, a.kind + " padding = " + padding + " for window " + kernel);
                    }
                    if (shape == null) {
                        error(networkTolerated, line, SHAPE, a.kind + " after an unknown shape");
                        known = false;
                        continue;
                    }
                    if (shape.size() != 3) {
                        shapeError(line, a.kind + " on input of shape " + shape);
                        shape = null;
                        known = false;
                        continue;
                    }
                    if (kernel <= 0 || stride <= 0 || !paddingOk) {
                        shape = null;
                        known = false;
                        continue;
                    }
                    long height = windowed(shape.get(1), kernel, stride, padding, 1);
                    long width = windowed(shape.get(2), kernel, stride, padding, 1);
                    if (height < 1 || width < 1) {
                        shapeError(line, a.kind + " leaves " + height + "x" + width);
                        shape = null;
                        known = false;
                        continue;
                    }
                    shape = List.of(shape.get(0), height, width);
                }
                case "LeakyReLU" -> {
                    double slope = a.doubleValue("value", 0.01);
                    if (!(Double.isFinite(slope) && slope >= 0)) {
                        error(networkErrors, line, RANGE, "LeakyReLU slope = " + slope);
                    }
                }
                default -> { }
            }
            if (shape != null) {
                noteActivation(shape);
                activations = activations.add(size(shape));
            }
        }
        v.stages.add(new Verdict.Stage(f.name, known && shape != null ? shape : null, parameters));
        return shape;
    }

    private boolean uncertain;

    /** A shape error: required, unless sizes upstream are beyond a long (then shapes may be unchecked). */
    private void shapeError(int line, String reason) {
        if (uncertain) {
            error(networkTolerated, line, SHAPE, reason + " (after sizes beyond a long)");
            networkTolerated.add(new Expected(null, RANGE, "sizes beyond a long"));
        } else {
            error(networkErrors, line, SHAPE, reason);
        }
    }

    /** Output size of a window: {@code floor((size + 2 padding - dilation (kernel - 1) - 1) / stride) + 1}. */
    private static long windowed(long size, int kernel, int stride, int padding, int dilation) {
        return Math.floorDiv(size + 2L * padding - (long) dilation * (kernel - 1) - 1, stride) + 1;
    }

    private void checkNetworkTests() {
        Ann tests = c.classAnnotation("NetworkTests");
        if (tests == null) {
            return;
        }
        int line = c.classAnnotationLine(tests);
        v.testsEnabled = tests.has("enabled") ? (Boolean) tests.attr("enabled").value() : true;
        v.testsBatchSize = tests.intValue("batchSize", 32);
        v.testsSteps = tests.intValue("steps", 20);
        v.testsTolerance = tests.doubleValue("tolerance", 1e-5);
        if (v.testsBatchSize < 2) {
            error(networkErrors, line, RANGE, "NetworkTests batchSize = " + v.testsBatchSize);
        }
        if (v.testsSteps < 1) {
            error(networkErrors, line, RANGE, "NetworkTests steps = " + v.testsSteps);
        }
        if (!(Double.isFinite(v.testsTolerance) && v.testsTolerance >= 0)) {
            error(networkErrors, line, RANGE, "NetworkTests tolerance = " + v.testsTolerance);
        }
    }

    // ---------------------------------------------------------------- training

    private void checkTraining() {
        Ann train = c.classAnnotation("Train");
        List<Ann> companions = c.classAnnotations("Adam", "Sgd", "StepLr", "CosineLr", "EarlyStopping", "Split");
        if (train == null) {
            for (Ann a : companions) {
                error(trainingErrors, c.classAnnotationLine(a), TRAIN, "@" + a.kind + " without @Train");
            }
            return;
        }
        v.train = true;
        int line = c.classAnnotationLine(train);
        v.loss = train.has("loss") ? (String) train.attr("loss").value() : "CROSS_ENTROPY";
        boolean classes = v.loss.equals("CROSS_ENTROPY");
        boolean regression = List.of("MSE", "L1", "HUBER").contains(v.loss);
        int epochs = train.intValue("epochs", 10);
        int batchSize = train.intValue("batchSize", 32);
        // With two optimizers or two schedules, which one's values get checked is open.
        List<Expected> rangeTarget = trainingErrors;
        List<Ann> optimizers = c.classAnnotations("Adam", "Sgd");
        List<Ann> schedules = c.classAnnotations("StepLr", "CosineLr");
        if (optimizers.size() > 1 || schedules.size() > 1) {
            rangeTarget = trainingTolerated;
        }
        if (optimizers.size() > 1) {
            trainingErrors.add(new Expected(lines(optimizers), TRAIN, "two optimizers"));
        }
        if (schedules.size() > 1) {
            trainingErrors.add(new Expected(lines(schedules), TRAIN, "two schedules"));
        }
        if (epochs < 1) {
            error(rangeTarget, line, RANGE, "Train epochs = " + epochs);
        }
        if (batchSize < 1) {
            error(rangeTarget, line, RANGE, "Train batchSize = " + batchSize);
        }
        if (batchSize == 1 && v.batchNorm) {
            error(rangeTarget, line, TRAIN, "batchSize 1 with BatchNorm");
        }
        List<Long> output = v.stages.isEmpty() ? null : v.output();
        if (output != null && output.size() == 1) {
            long width = output.get(0);
            if (classes && width < 2) {
                error(rangeTarget, line, LOSS, "cross-entropy on " + width + " output");
            } else if (!classes && width != 1) {
                error(rangeTarget, line, LOSS, v.loss + " on " + width + " outputs without @Tasks");
            }
        } else {
            error(trainingTolerated, line, LOSS, "a loss on output " + output + " (not flat, or unknown)");
        }
        for (Ann a : optimizers) {
            optimizer(a, rangeTarget);
        }
        for (Ann a : schedules) {
            schedule(a, rangeTarget);
        }
        if (regression && output != null && output.size() == 1) {
            List<Field> stages = c.renderedFields().stream()
                    .filter(f -> f.isLayerType() && !f.layerAnnotations().isEmpty()).toList();
            if (!stages.isEmpty()) {
                Field last = stages.get(stages.size() - 1);
                List<Ann> layers = last.layerAnnotations();
                String head = layers.get(layers.size() - 1).kind;
                if (head.equals("Sigmoid") || head.equals("Softmax")) {
                    error(rangeTarget, c.fieldLine(last), LOSS, "@" + head + " ending a regression network");
                }
            }
        }
        String data = train.has("data") ? (String) train.attr("data").value() : "ok";
        if (!data.equals("ok")) {
            error(rangeTarget, line, TRAIN, "data " + train.attr("data").literal() + ": " + data);
        }
        Ann split = c.classAnnotation("Split");
        boolean validation = split != null && split.doubleValue("validation", 0.1) != 0;
        if (split != null) {
            split(split, regression, train.has("data") && data.equals("ok")
                    && !train.attr("data").literal().equals("void.class"), data.equals("ok"), rangeTarget);
        }
        Ann stopping = c.classAnnotation("EarlyStopping");
        if (stopping != null) {
            int at = c.classAnnotationLine(stopping);
            String monitor = stopping.has("monitor") ? (String) stopping.attr("monitor").value() : "val_loss";
            if (!Values.monitorable(v.loss).contains(monitor)) {
                error(rangeTarget, at, TRAIN, "monitor \"" + monitor + "\"");
            } else if (monitor.startsWith("val_") && !validation) {
                error(rangeTarget, at, TRAIN, "monitor \"" + monitor + "\" without a validation set");
            }
            int patience = stopping.intValue("patience", 3);
            if (patience < 1) {
                error(rangeTarget, at, RANGE, "patience = " + patience);
            }
            checkAtLeastZero(rangeTarget, at, "EarlyStopping minDelta", stopping.doubleValue("minDelta", 0));
        }
    }

    /**
     * {@code @Split}: each share in [0, 1), their sum below 1, no seed twice; a scaffold split needs SMILES,
     * which the fuzzer's data sources (float[]) are not; a stratified split needs classes or one yes/no task.
     */
    private void split(Ann split, boolean regression, boolean floatData, boolean dataOk, List<Expected> into) {
        int line = c.classAnnotationLine(split);
        double validation = split.doubleValue("validation", 0.1);
        double test = split.doubleValue("test", 0);
        boolean validationOk = validation >= 0 && validation < 1;
        boolean testOk = test >= 0 && test < 1;
        if (!validationOk) {
            error(into, line, SPLIT, "validation share " + validation);
        }
        if (!testOk) {
            error(into, line, SPLIT, "test share " + test);
        }
        if (validationOk && testOk && !(validation + test < 1)) {
            error(into, line, SPLIT, "shares adding up to " + (validation + test));
        }
        if (split.has("seeds")) {
            int[] seeds = (int[]) split.attr("seeds").value();
            if (Arrays.stream(seeds).distinct().count() != seeds.length) {
                error(into, line, SPLIT, "a repeated seed in " + Arrays.toString(seeds));
            }
        }
        String method = split.has("method") ? (String) split.attr("method").value() : "RANDOM";
        if (method.equals("SCAFFOLD") && floatData) {
            error(into, line, SPLIT, "a scaffold split of float[] data");
        } else if (method.equals("SCAFFOLD") && !dataOk) {
            error(trainingTolerated, line, SPLIT, "a scaffold split of data that is no data source");
        }
        if (method.equals("STRATIFIED") && regression) {
            error(into, line, SPLIT, "a stratified split for regression");
        }
    }

    private Set<Integer> lines(List<Ann> annotations) {
        Set<Integer> lines = new LinkedHashSet<>();
        annotations.forEach(a -> lines.add(c.classAnnotationLine(a)));
        return lines;
    }

    private void optimizer(Ann a, List<Expected> into) {
        int line = c.classAnnotationLine(a);
        double lr = a.doubleValue("lr", 1e-3);
        if (!(Double.isFinite(lr) && lr > 0)) {
            error(into, line, RANGE, a.kind + " lr = " + lr);
        }
        checkAtLeastZero(into, line, a.kind + " weightDecay", a.doubleValue("weightDecay", 0));
        if (a.kind.equals("Sgd")) {
            double momentum = a.doubleValue("momentum", 0);
            if (!(momentum >= 0 && momentum < 1)) {
                error(into, line, RANGE, "Sgd momentum = " + momentum);
            }
            if (a.has("nesterov") && (Boolean) a.attr("nesterov").value() && momentum == 0) {
                error(into, line, RANGE, "Nesterov without momentum");
            }
        } else {
            for (String beta : List.of("beta1", "beta2")) {
                double value = a.doubleValue(beta, beta.equals("beta1") ? 0.9 : 0.999);
                if (!(value >= 0 && value < 1)) {
                    error(into, line, RANGE, "Adam " + beta + " = " + value);
                }
            }
            double eps = a.doubleValue("eps", 1e-8);
            if (!(Double.isFinite(eps) && eps > 0)) {
                error(into, line, RANGE, "Adam eps = " + eps);
            }
        }
    }

    private void schedule(Ann a, List<Expected> into) {
        int line = c.classAnnotationLine(a);
        if (a.kind.equals("StepLr")) {
            int stepSize = (Integer) a.attr("stepSize").value();
            if (stepSize < 1) {
                error(into, line, RANGE, "StepLr stepSize = " + stepSize);
            }
            double gamma = a.doubleValue("gamma", 0.1);
            if (!(gamma > 0 && gamma <= 1)) {
                error(into, line, RANGE, "StepLr gamma = " + gamma);
            }
        } else {
            if (a.has("epochs") && a.intValue("epochs", 1) < 1) {
                error(into, line, RANGE, "CosineLr epochs = " + a.intValue("epochs", 1));
            }
            checkAtLeastZero(into, line, "CosineLr minLr", a.doubleValue("minLr", 0));
        }
    }

    private void checkAtLeastZero(List<Expected> into, int line, String what, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            error(into, line, RANGE, what + " = " + value);
        }
    }

    // ---------------------------------------------------------------- graphs (README "Networks that are not a straight line")

    /**
     * A graph case: every stage reads the stage above (the first: the only input) unless {@code @From},
     * {@code @Add} or {@code @Concat} names earlier stages or inputs; {@code @Add} needs equal widths,
     * {@code @Concat} sums them, {@code @Residual} needs the stage's output width to equal its input width; a
     * stage continuing from the one above that nobody reads (and is not the last) and an input nobody reads
     * are errors. Every mistake is {@code lamina:graph}, on the stage's line (an input's: on {@code @Network}).
     * Once one is found, further {@code lamina:graph} errors are tolerated (follow-ups of an unknown width).
     */
    @SuppressWarnings("unchecked")
    private Verdict judgeGraph() {
        v.network = true;
        v.graph = true;
        Ann network = c.network();
        int networkLine = c.classAnnotationLine(network);
        java.util.Map<String, Long> inputs = new java.util.LinkedHashMap<>();
        if (network.has("inputs")) {
            for (GraphCases.GraphInput in : (List<GraphCases.GraphInput>) network.attr("inputs").value()) {
                inputs.put(in.name(), (long) in.width());
            }
        }
        Long single = network.has("input") ? (long) ((int[]) network.attr("input").value())[0] : null;
        List<Field> stages = c.fields;
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            index.put(stages.get(i).name, i);
        }
        Set<String> read = new java.util.HashSet<>();
        Set<Integer> errorLines = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        java.util.Map<String, Long> widths = new java.util.HashMap<>(); // null: unknown
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Field f = stages.get(i);
            int line = c.fieldLine(f);
            Ann explicit = f.annotations.stream().filter(a -> List.of("From", "Add", "Concat").contains(a.kind))
                    .findFirst().orElse(null);
            List<Long> in = new ArrayList<>();
            if (explicit == null) {
                if (i > 0) {
                    read.add(stages.get(i - 1).name);
                    in.add(widths.get(stages.get(i - 1).name));
                } else if (single != null) {
                    in.add(single);
                } else if (inputs.size() == 1) {
                    read.addAll(inputs.keySet());
                    in.add(inputs.values().iterator().next());
                } else {
                    errorLines.add(line);
                    reasons.add(f.name + " reads no source among several inputs");
                    in.add(null);
                }
            } else {
                for (String source : (List<String>) explicit.attr("value").value()) {
                    Integer j = index.get(source);
                    if (inputs.containsKey(source)) {
                        read.add(source);
                        in.add(inputs.get(source));
                    } else if (j != null && j < i) {
                        read.add(source);
                        in.add(widths.get(source));
                    } else {
                        errorLines.add(line);
                        reasons.add(f.name + (j == null ? " reads unknown " : " reads later or itself ") + source);
                        in.add(null);
                    }
                }
            }
            Long width;
            if (in.contains(null)) {
                width = null;
            } else if (explicit != null && explicit.kind.equals("Concat")) {
                width = in.stream().mapToLong(Long::longValue).sum();
            } else {
                width = in.get(0);
                if (in.stream().distinct().count() > 1) {
                    errorLines.add(line);
                    reasons.add(f.name + " adds widths " + in);
                }
            }
            Long stageIn = width;
            for (Ann a : f.annotations) {
                if (a.kind.equals("Linear")) {
                    long out = a.intValue("out", -1);
                    if (width != null) {
                        v.trainable = v.trainable.add(java.math.BigInteger.valueOf(width * out + out));
                    }
                    width = out;
                } else if (a.kind.equals("BatchNorm") && width != null) {
                    v.trainable = v.trainable.add(java.math.BigInteger.valueOf(2 * width));
                    v.nonTrainable = v.nonTrainable.add(java.math.BigInteger.valueOf(2 * width));
                }
            }
            boolean residual = f.annotations.stream().anyMatch(a -> a.kind.equals("Residual"));
            if (residual && stageIn != null && width != null && !stageIn.equals(width)) {
                errorLines.add(line);
                reasons.add(f.name + " residual from " + stageIn + " to " + width);
            }
            widths.put(f.name, width);
            v.graphWidths.put(f.name, width);
        }
        for (int i = 0; i < stages.size(); i++) {
            Field f = stages.get(i);
            boolean explicit = f.annotations.stream().anyMatch(a -> List.of("From", "Add", "Concat").contains(a.kind));
            if (read.contains(f.name)) {
                continue;
            }
            if (i == stages.size() - 1 || explicit) {
                outputs.add(f.name);
            } else {
                errorLines.add(c.fieldLine(f));
                reasons.add(f.name + " unused");
            }
        }
        for (String input : inputs.keySet()) {
            if (!read.contains(input)) {
                errorLines.add(networkLine);
                reasons.add("input " + input + " unused");
            }
        }
        if (!errorLines.isEmpty()) {
            v.mandatory.add(new Expected(errorLines, GRAPH, String.join("; ", reasons)));
            v.allowed.add(new Expected(null, GRAPH, "a follow-up of a graph mistake"));
        }
        v.graphOutputs.addAll(outputs);
        return v;
    }
}
