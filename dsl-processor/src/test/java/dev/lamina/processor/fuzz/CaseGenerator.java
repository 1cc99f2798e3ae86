package dev.lamina.processor.fuzz;

import static dev.lamina.processor.fuzz.Values.doubleAttr;
import static dev.lamina.processor.fuzz.Values.intAttr;
import static dev.lamina.processor.fuzz.Values.pick;

import dev.lamina.processor.fuzz.FuzzCase.Ann;
import dev.lamina.processor.fuzz.FuzzCase.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seeded generator of network definitions. Case {@code i} of seed {@code s} depends on nothing else, so any
 * case can be replayed alone. Each case starts as a consistent network (widths agree, values in range);
 * about half then get one to three mutations from a catalogue of mistakes. The generator does not decide
 * validity: the {@link Oracle} judges the final case, so a mutation that happens to keep it valid is fine.
 */
final class CaseGenerator {

    static final List<String> LAYER_KINDS = List.of("Linear", "BatchNorm", "Dropout", "ReLU", "LeakyReLU", "Sigmoid",
            "Tanh", "Softmax", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten");
    static final List<String> NON_LINEAR_KINDS =
            List.of("BatchNorm", "Dropout", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax");
    static final List<String> TRAINING_COMPANIONS = List.of("Adam", "Sgd", "StepLr", "CosineLr", "EarlyStopping",
            "Split");

    /** Share of cases left as generated (valid, or odd but legal); the rest are mutated. */
    private static final double UNMUTATED_SHARE = 0.45;

    /** The int attributes of each layer that a width mutation may change. */
    private static final java.util.Map<String, List<String>> SIZED_ATTRIBUTES = java.util.Map.of(
            "Linear", List.of("in", "out"), "BatchNorm", List.of("features"),
            "Conv2d", List.of("in", "out", "kernel", "stride", "padding", "dilation"),
            "MaxPool2d", List.of("value", "stride", "padding"), "AvgPool2d", List.of("value", "stride", "padding"));

    /** Members that leave the generated subclass compilable. */
    static final List<String> HARMLESS_MEMBERS = List.of("void helper() {}", "int width() { return 3; }",
            "static final int WIDTH = 4;", "public String toString() { return \"net\"; }", "static class Helper {}",
            "Object network(int x) { return null; }", "void forwardEval(String s) {}", "private void close() {}",
            "protected void finalizeLater() {}");

    /** Members the generated subclass cannot compile next to, with the reason. */
    static final List<List<String>> BREAKING_MEMBERS = List.of(
            List.of("abstract void hook();", "an abstract method the generated final subclass does not implement"),
            List.of("public final void close() {}", "a final close() the generated close() overrides"),
            List.of("static void close() {}", "a static close() the generated close() would override"),
            List.of("int network() { return 0; }", "network() with a return type the generated network() cannot have"),
            List.of("void save(java.nio.file.Path file) {}", "save(Path) without 'throws IOException'"),
            List.of("final Object parameterNames() { return null; }", "a final parameterNames()"));

    /** @Train(data = ...): the literal and whether the language accepts it. */
    static final List<List<String>> DATA = List.of(List.of("void.class", "ok"), List.of("Data.Good.class", "ok"),
            List.of("Data.Generic.class", "ok"), List.of("int.class", "not a class"),
            List.of("String[].class", "not a class"), List.of("String.class", "not a DataSource"),
            List.of("Runnable.class", "not a DataSource"), List.of("Void.class", "not a DataSource"),
            List.of("dev.lamina.runtime.data.DataSource.class", "an interface"),
            List.of("Data.Abstract.class", "abstract"), List.of("Data.NeedsArgument.class", "no constructor without arguments"),
            List.of("Data.Hidden.class", "not public"), List.of("Data.PrivateConstructor.class", "private constructor"),
            List.of("Data.Inner.class", "an inner class: needs an enclosing instance"),
            List.of("Data.Throwing.class", "its constructor throws a checked exception"));

    private final long seed;

    CaseGenerator(long seed) {
        this.seed = seed;
    }

    static long caseSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    FuzzCase generate(int index) {
        long caseSeed = caseSeed(seed, index);
        Random r = new Random(caseSeed);
        FuzzCase c = new FuzzCase(index, caseSeed);
        if (GraphCases.isGraphCase(caseSeed)) {
            GraphCases.build(c, r);
            return c;
        }
        buildConsistent(c, r);
        if (r.nextDouble() >= UNMUTATED_SHARE) {
            int count = 1 + (r.nextDouble() < 0.3 ? 1 + (r.nextDouble() < 0.3 ? 1 : 0) : 0);
            List<Mutation> mutations = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                mutations.add(pickMutation(r));
            }
            // javac's own mistakes last, so no later mutation repairs them unnoticed.
            mutations.sort(java.util.Comparator.comparing(m -> m == Mutation.JAVAC));
            for (Mutation m : mutations) {
                mutate(c, r, m);
            }
        }
        if (r.nextDouble() < 0.1) {
            c.classAnnotations.forEach(a -> a.qualified = r.nextInt(3) == 0);
            c.fields.forEach(f -> f.annotations.forEach(a -> a.qualified = r.nextInt(3) == 0));
        }
        return c;
    }

    // ---------------------------------------------------------------- a consistent network

    private void buildConsistent(FuzzCase c, Random r) {
        Ann network = new Ann("Network");
        int[] input;
        double kind = r.nextDouble();
        if (kind < 0.75) {
            input = new int[] {Values.validWidth(r)};
        } else if (kind < 0.93) {
            input = new int[] {1 + r.nextInt(3), 1 + r.nextInt(12), 1 + r.nextInt(12)};
        } else {
            input = new int[r.nextBoolean() ? 2 : 4];
            for (int i = 0; i < input.length; i++) {
                input[i] = 1 + r.nextInt(5);
            }
        }
        setInput(network, input, r);
        if (r.nextDouble() < 0.25) {
            String name = pick(r, Values.NAMES);
            network.set("name", Values.javaString(name), name);
        }
        c.classAnnotations.add(network);
        double shape = r.nextDouble();
        c.shape = shape < 0.85 ? FuzzCase.Shape.ABSTRACT_CLASS
                : shape < 0.93 ? FuzzCase.Shape.CLASS : FuzzCase.Shape.PUBLIC_ABSTRACT_CLASS;

        Set<String> names = new HashSet<>();
        long[] current = Arrays.stream(input).asLongStream().toArray();
        int stages = r.nextDouble() < 0.9 ? 1 + r.nextInt(5) : 6 + r.nextInt(4);
        boolean batchNorm = false;
        for (int s = 0; s < stages; s++) {
            Field field = new Field(r.nextDouble() < 0.1 ? "dev.lamina.dsl.Layer" : "Layer", fieldName(r, names, s));
            field.annotations.addAll(consistentLayers(r, current));
            for (Ann a : field.annotations) {
                current = shapeAfter(a, current);
            }
            batchNorm |= field.annotations.stream().anyMatch(a -> a.kind.equals("BatchNorm"));
            c.fields.add(field);
        }
        if (r.nextDouble() < 0.2) {
            Field plain = new Field(pick(r, List.of("int", "String", "Object", "java.util.List<String>")),
                    fieldName(r, names, 99));
            if (r.nextBoolean()) {
                plain.modifiers.add(pick(r, List.of("static", "private", "final", "protected")));
            }
            c.fields.add(r.nextInt(c.fields.size() + 1), plain);
        }
        if (r.nextDouble() < 0.12) {
            addMember(c, new FuzzCase.Member(pick(r, HARMLESS_MEMBERS), null, false));
        }
        if (r.nextDouble() < 0.1) {
            c.constructors.addAll(harmlessConstructors(r));
        }
        if (current.length == 1 && r.nextDouble() < 0.35) {
            addTraining(c, r, current[0], batchNorm);
        }
        if (r.nextDouble() < 0.1) {
            c.classAnnotations.add(networkTests(r, 0));
        }
        Collections.shuffle(c.classAnnotations, r);
        if (r.nextDouble() < 0.08) {
            c.nesting = r.nextBoolean() ? FuzzCase.Nesting.STATIC_NESTED : FuzzCase.Nesting.IN_INTERFACE;
        }
    }

    private static void setInput(Ann network, int[] dims, Random r) {
        String literal;
        if (dims.length == 1 && r.nextBoolean()) {
            literal = intAttr(r, "input", dims[0]).literal();
        } else {
            literal = Arrays.stream(dims).mapToObj(d -> intAttr(r, "input", d).literal())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        network.set("input", literal, dims);
    }

    private static String fieldName(Random r, Set<String> used, int stage) {
        String name;
        do {
            double p = r.nextDouble();
            name = p < 0.06 ? pick(r, Values.ODD_FIELD_NAMES)
                    : p < 0.5 ? "s" + stage + (used.contains("s" + stage) ? "_" + r.nextInt(100) : "")
                    : pick(r, List.of("hidden", "logits", "head", "block", "layer", "out", "proj")) + r.nextInt(10);
        } while (!used.add(name));
        return name;
    }

    /**
     * A stage whose widths agree with what flows in: a Linear only on flat input, convolution and pooling only
     * on (channels, height, width) input with windows that fit, at most one weighted layer per member.
     */
    private static List<Ann> consistentLayers(Random r, long[] incoming) {
        List<Ann> layers = new ArrayList<>();
        long[] current = incoming;
        int n = 1 + r.nextInt(4);
        boolean weighted = false;
        for (int i = 0; i < n; i++) {
            List<String> options = new ArrayList<>();
            for (String kind : LAYER_KINDS) {
                boolean used = layers.stream().anyMatch(a -> a.kind.equals(kind));
                boolean fits = switch (kind) {
                    case "Linear" -> current.length == 1 && !weighted;
                    case "Conv2d" -> current.length == 3 && !weighted;
                    case "MaxPool2d", "AvgPool2d" -> current.length == 3;
                    case "Flatten" -> current.length != 1 || r.nextInt(4) == 0;
                    default -> true;
                };
                if (!used && fits) {
                    options.add(kind);
                    if (kind.equals("Linear") || kind.equals("Conv2d") || kind.equals("Flatten")) {
                        options.add(kind); // more likely
                        options.add(kind);
                    }
                }
            }
            if (options.isEmpty()) {
                break;
            }
            Ann a = consistentLayer(r, pick(r, options), current);
            weighted |= a.kind.equals("Linear") || a.kind.equals("Conv2d");
            layers.add(a);
            current = shapeAfter(a, current);
        }
        return layers;
    }

    /** One layer that fits {@code current}. */
    private static Ann consistentLayer(Random r, String kind, long[] current) {
        Ann a = List.of("Linear", "Conv2d", "MaxPool2d", "AvgPool2d").contains(kind) ? new Ann(kind) : layer(r, kind, 0.0);
        switch (kind) {
            case "Linear" -> {
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "in", (int) current[0]));
                }
                a.attrs.add(intAttr(r, "out", Values.validWidth(r)));
                Collections.shuffle(a.attrs, r);
            }
            case "BatchNorm" -> {
                if (a.has("features")) {
                    a.set("features", intAttr(r, "features", (int) current[0]).literal(), (int) current[0]);
                }
            }
            case "Conv2d" -> {
                int kernel = 1 + r.nextInt(3);
                int stride = 1 + r.nextInt(3);
                int padding = r.nextInt(3);
                int dilation = 1 + r.nextInt(2);
                if (convolved(current[1], kernel, stride, padding, dilation) < 1
                        || convolved(current[2], kernel, stride, padding, dilation) < 1) {
                    kernel = 1;
                    dilation = 1;
                }
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "in", (int) current[0]));
                }
                a.attrs.add(intAttr(r, "out", 1 + r.nextInt(6)));
                a.attrs.add(intAttr(r, "kernel", kernel));
                if (stride != 1 || r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "stride", stride));
                }
                if (padding != 0 || r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "padding", padding));
                }
                if (dilation != 1 || r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "dilation", dilation));
                }
                Collections.shuffle(a.attrs, r);
            }
            case "MaxPool2d", "AvgPool2d" -> {
                int kernel = 1 + r.nextInt(3);
                Integer stride = r.nextBoolean() ? 1 + r.nextInt(3) : null;
                int padding = r.nextInt(kernel / 2 + 1);
                int s = stride == null ? kernel : stride;
                if (convolved(current[1], kernel, s, padding, 1) < 1 || convolved(current[2], kernel, s, padding, 1) < 1) {
                    kernel = 1;
                    padding = 0;
                    stride = null;
                }
                a.attrs.add(intAttr(r, "value", kernel));
                if (stride != null) {
                    a.attrs.add(intAttr(r, "stride", stride));
                }
                if (padding != 0 || r.nextInt(4) == 0) {
                    a.attrs.add(intAttr(r, "padding", padding));
                }
                a.positional = a.attrs.size() == 1 && r.nextBoolean();
            }
            default -> { }
        }
        return a;
    }

    /** PyTorch's output size of a convolution or pooling window. */
    static long convolved(long size, int kernel, int stride, int padding, int dilation) {
        return Math.floorDiv(size + 2L * padding - (long) dilation * (kernel - 1) - 1, stride) + 1;
    }

    /** The shape after one layer, for generating consistent networks (the oracle judges independently). */
    static long[] shapeAfter(Ann a, long[] current) {
        switch (a.kind) {
            case "Linear" -> {
                return new long[] {(Integer) a.attr("out").value()};
            }
            case "Flatten" -> {
                return new long[] {Arrays.stream(current).reduce(1, (x, y) -> x * y)};
            }
            case "Conv2d" -> {
                int kernel = a.intValue("kernel", 1);
                int stride = a.intValue("stride", 1);
                int padding = a.intValue("padding", 0);
                int dilation = a.intValue("dilation", 1);
                return new long[] {a.intValue("out", 1), convolved(current[1], kernel, stride, padding, dilation),
                    convolved(current[2], kernel, stride, padding, dilation)};
            }
            case "MaxPool2d", "AvgPool2d" -> {
                int kernel = a.intValue("value", 1);
                int stride = a.intValue("stride", kernel);
                int padding = a.intValue("padding", 0);
                return new long[] {current[0], convolved(current[1], kernel, stride, padding, 1),
                    convolved(current[2], kernel, stride, padding, 1)};
            }
            default -> {
                return current;
            }
        }
    }

    /** One layer annotation with each optional attribute written or not, values invalid with {@code pBad}. */
    private static Ann layer(Random r, String kind, double pBad) {
        Ann a = new Ann(kind);
        switch (kind) {
            case "BatchNorm" -> {
                if (r.nextDouble() < 0.3) {
                    a.attrs.add(intAttr(r, "features", Values.validWidth(r))); // made to agree where widths are known
                }
                if (r.nextDouble() < 0.3) {
                    a.attrs.add(doubleAttr(r, "eps", Values.pick(r, Values.BN_EPS, pBad)));
                }
                if (r.nextDouble() < 0.3) {
                    a.attrs.add(doubleAttr(r, "momentum", Values.pick(r, Values.BN_MOMENTUM, pBad)));
                }
                Collections.shuffle(a.attrs, r);
            }
            case "Dropout" -> {
                if (r.nextDouble() < 0.7) {
                    a.attrs.add(doubleAttr(r, "value", Values.pick(r, Values.DROPOUT, pBad)));
                    a.positional = r.nextBoolean();
                }
            }
            case "LeakyReLU" -> {
                if (r.nextDouble() < 0.6) {
                    a.attrs.add(doubleAttr(r, "value", Values.pick(r, Values.SLOPE, pBad)));
                    a.positional = r.nextBoolean();
                }
            }
            case "Linear" -> {
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "in", r.nextDouble() < pBad ? Values.extremeWidth(r, 8) : Values.validWidth(r)));
                }
                a.attrs.add(intAttr(r, "out", r.nextDouble() < pBad ? Values.extremeWidth(r, 8) : Values.validWidth(r)));
            }
            case "Conv2d" -> {
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "in", smallInt(r, pBad, 1, 4)));
                }
                a.attrs.add(intAttr(r, "out", smallInt(r, pBad, 1, 8)));
                a.attrs.add(intAttr(r, "kernel", smallInt(r, pBad, 1, 5)));
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "stride", smallInt(r, pBad, 1, 3)));
                }
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "padding", smallInt(r, pBad, 0, 3)));
                }
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "dilation", smallInt(r, pBad, 1, 3)));
                }
                Collections.shuffle(a.attrs, r);
            }
            case "MaxPool2d", "AvgPool2d" -> {
                a.attrs.add(intAttr(r, "value", smallInt(r, pBad, 1, 4)));
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "stride", smallInt(r, pBad, 1, 3)));
                }
                if (r.nextBoolean()) {
                    a.attrs.add(intAttr(r, "padding", smallInt(r, pBad, 0, 2)));
                }
                a.positional = a.attrs.size() == 1 && r.nextBoolean();
            }
            default -> { }
        }
        return a;
    }

    /** A small int in [lo, hi], or with probability {@code pBad} an extreme one. */
    private static int smallInt(Random r, double pBad, int lo, int hi) {
        return r.nextDouble() < pBad ? pick(r, List.of(0, -1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, 100, 1))
                : lo + r.nextInt(hi - lo + 1);
    }

    private static void addTraining(FuzzCase c, Random r, long outputs, boolean batchNorm) {
        Ann train = new Ann("Train");
        String loss = outputs == 1 ? pick(r, List.of("BCE_WITH_LOGITS", "BCE_WITH_LOGITS", "MSE", "L1", "HUBER"))
                : "CROSS_ENTROPY";
        if (outputs == 1 || r.nextBoolean()) {
            train.set("loss", "Loss." + loss, loss);
        }
        if (r.nextDouble() < 0.3) {
            train.attrs.add(intAttr(r, "epochs", 1 + r.nextInt(20)));
        }
        if (r.nextDouble() < 0.3) {
            train.attrs.add(intAttr(r, "batchSize", batchNorm ? 2 + r.nextInt(63) : 1 + r.nextInt(64)));
        }
        if (r.nextDouble() < 0.2) {
            boolean shuffle = r.nextBoolean();
            train.set("shuffle", Boolean.toString(shuffle), shuffle);
        }
        if (r.nextDouble() < 0.2) {
            train.attrs.add(intAttr(r, "seed", pick(r, List.of(0, 7, -1, Integer.MAX_VALUE, Integer.MIN_VALUE))));
        }
        if (r.nextDouble() < 0.1) {
            List<String> data = pick(r, DATA.subList(0, 3));
            train.set("data", data.get(0), data.get(1));
        }
        Collections.shuffle(train.attrs, r);
        c.classAnnotations.add(train);
        double optimizer = r.nextDouble();
        if (optimizer < 0.4) {
            c.classAnnotations.add(adam(r, 0));
        } else if (optimizer < 0.7) {
            c.classAnnotations.add(sgd(r, 0));
        }
        if (r.nextDouble() < 0.3) {
            c.classAnnotations.add(r.nextBoolean() ? stepLr(r, 0) : cosineLr(r, 0));
        }
        boolean validation = false;
        if (r.nextDouble() < 0.3) {
            Ann split = split(r, 0, loss);
            validation = split.doubleValue("validation", 0.1) != 0;
            c.classAnnotations.add(split);
        }
        if (r.nextDouble() < 0.3) {
            c.classAnnotations.add(earlyStopping(r, 0, loss, validation));
        }
    }

    /** {@code @Split}: shares, a method that suits the loss (scaffold only without a data class), seeds. */
    private static Ann split(Random r, double pBad, String loss) {
        Ann a = new Ann("Split");
        maybeDouble(r, a, "validation", Values.SPLIT_SHARE, pBad);
        maybeDouble(r, a, "test", Values.SPLIT_SHARE, pBad);
        if (a.doubleValue("validation", 0.1) + a.doubleValue("test", 0) >= 1 && r.nextDouble() >= pBad) {
            a.remove("test");
        }
        if (r.nextDouble() < 0.4) {
            List<String> methods = new ArrayList<>(List.of("RANDOM", "SCAFFOLD"));
            if (!List.of("MSE", "L1", "HUBER").contains(loss) || r.nextDouble() < pBad) {
                methods.add("STRATIFIED");
            }
            String method = pick(r, methods);
            a.set("method", "SplitMethod." + method, method);
        }
        if (r.nextDouble() < 0.3) {
            List<Integer> seeds = new ArrayList<>(List.of(1, 2, 3).subList(0, 1 + r.nextInt(3)));
            if (r.nextDouble() < pBad) {
                seeds.add(seeds.get(0));
            }
            a.set("seeds", seeds.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}")),
                    seeds.stream().mapToInt(Integer::intValue).toArray());
        }
        if (r.nextDouble() < 0.2) {
            a.set("testEveryEpoch", "true", true);
        }
        return a;
    }

    /** Adds a member unless one with its name and parameters is there (javac: already defined). */
    private static void addMember(FuzzCase c, FuzzCase.Member member) {
        String key = memberKey(member.code());
        if (c.members.stream().noneMatch(m -> memberKey(m.code()).equals(key))) {
            c.members.add(member);
        }
    }

    private static String memberKey(String code) {
        java.util.regex.Matcher method = java.util.regex.Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)").matcher(code);
        if (method.find()) {
            return method.group(1) + "(" + method.group(2).replaceAll("\\s*\\w+$", "") + ")";
        }
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("(\\w+)\\s*(=|\\{)").matcher(code);
        return name.find() ? name.group(1) : code;
    }

    private static List<FuzzCase.Constructor> harmlessConstructors(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> List.of(new FuzzCase.Constructor("", true, "", false));
            case 1 -> List.of(new FuzzCase.Constructor("protected", true, "", false));
            case 2 -> List.of(new FuzzCase.Constructor("public", true, "RuntimeException", false));
            case 3 -> List.of(new FuzzCase.Constructor("", true, "", false), new FuzzCase.Constructor("", false, "", false));
            default -> List.of(new FuzzCase.Constructor("private", false, "", false),
                    new FuzzCase.Constructor("", true, "Error", false));
        };
    }

    private static Ann adam(Random r, double pBad) {
        Ann a = new Ann("Adam");
        maybeDouble(r, a, "lr", Values.LEARNING_RATE, pBad);
        maybeDouble(r, a, "beta1", Values.BETA, pBad);
        maybeDouble(r, a, "beta2", Values.BETA, pBad);
        maybeDouble(r, a, "eps", Values.ADAM_EPS, pBad);
        maybeDouble(r, a, "weightDecay", Values.AT_LEAST_ZERO, pBad);
        return a;
    }

    private static Ann sgd(Random r, double pBad) {
        Ann a = new Ann("Sgd");
        a.attrs.add(doubleAttr(r, "lr", Values.pick(r, Values.LEARNING_RATE, pBad)));
        maybeDouble(r, a, "momentum", Values.SGD_MOMENTUM, pBad);
        double momentum = a.doubleValue("momentum", 0);
        if (r.nextDouble() < 0.3 && (momentum > 0 || r.nextDouble() < pBad)) {
            a.set("nesterov", "true", true);
        }
        maybeDouble(r, a, "weightDecay", Values.AT_LEAST_ZERO, pBad);
        return a;
    }

    private static Ann stepLr(Random r, double pBad) {
        Ann a = new Ann("StepLr");
        a.attrs.add(intAttr(r, "stepSize", r.nextDouble() < pBad ? pick(r, List.of(0, -1, Integer.MIN_VALUE))
                : pick(r, List.of(1, 2, 5, Integer.MAX_VALUE))));
        maybeDouble(r, a, "gamma", Values.GAMMA, pBad);
        return a;
    }

    private static Ann cosineLr(Random r, double pBad) {
        Ann a = new Ann("CosineLr");
        if (r.nextBoolean()) {
            a.attrs.add(intAttr(r, "epochs", r.nextDouble() < pBad ? pick(r, List.of(0, -1, -5))
                    : pick(r, List.of(1, 10, Integer.MAX_VALUE))));
        }
        maybeDouble(r, a, "minLr", Values.AT_LEAST_ZERO, pBad);
        return a;
    }

    private static Ann earlyStopping(Random r, double pBad, String loss, boolean validation) {
        Ann a = new Ann("EarlyStopping");
        // The default monitor, val_loss, needs a validation set.
        if (r.nextBoolean() || !validation) {
            List<String> valid = Values.monitorable(loss).stream()
                    .filter(m -> validation || !m.startsWith("val_")).toList();
            String monitor = r.nextDouble() < pBad ? pick(r, Values.BAD_MONITORS) : pick(r, valid);
            a.set("monitor", Values.javaString(monitor), monitor);
        }
        if (r.nextBoolean()) {
            a.attrs.add(intAttr(r, "patience", r.nextDouble() < pBad ? pick(r, List.of(0, -1)) : 1 + r.nextInt(10)));
        }
        maybeDouble(r, a, "minDelta", Values.AT_LEAST_ZERO, pBad);
        if (r.nextDouble() < 0.3) {
            a.set("restoreBest", "false", false);
        }
        return a;
    }

    private static Ann networkTests(Random r, double pBad) {
        Ann a = new Ann("NetworkTests");
        if (r.nextDouble() < 0.3) {
            a.set("enabled", "false", false);
        }
        if (r.nextBoolean()) {
            a.attrs.add(intAttr(r, "batchSize", r.nextDouble() < pBad ? pick(r, List.of(1, 0, -3)) : 2 + r.nextInt(30)));
        }
        if (r.nextBoolean()) {
            a.attrs.add(intAttr(r, "steps", r.nextDouble() < pBad ? pick(r, List.of(0, -1)) : 1 + r.nextInt(30)));
        }
        maybeDouble(r, a, "tolerance", Values.AT_LEAST_ZERO, pBad);
        return a;
    }

    private static void maybeDouble(Random r, Ann a, String name, Values.Doubles pool, double pBad) {
        if (r.nextDouble() < 0.4 || (pBad > 0 && r.nextDouble() < 0.3)) {
            a.attrs.add(doubleAttr(r, name, Values.pick(r, pool, pBad)));
        }
    }

    // ---------------------------------------------------------------- mutations

    private enum Mutation {
        WIDTH(15), WRONG_EXPLICIT_WIDTH(8), LAYER_DOUBLE(12), INPUT(8), FIELD_TYPE(5), FIELD_MODIFIER(5),
        STRIP_ANNOTATIONS(4), ANNOTATE_PLAIN_FIELD(4), EMPTY_NETWORK(2), CLASS_SHAPE(4), NO_NETWORK(2),
        TRAINING_VALUE(12), TRAINING_STRUCTURE(6), LOSS(4), BATCH_SIZE_ONE(2), RANDOM_STAGE(6), NETWORK_TESTS(3),
        ODD_NAMES(3), JAVAC(4), MEMBER(4), CONSTRUCTOR(3), DATA(3), NESTING(3);

        final int weight;

        Mutation(int weight) {
            this.weight = weight;
        }
    }

    private static Mutation pickMutation(Random r) {
        int total = Arrays.stream(Mutation.values()).mapToInt(m -> m.weight).sum();
        int x = r.nextInt(total);
        for (Mutation m : Mutation.values()) {
            x -= m.weight;
            if (x < 0) {
                return m;
            }
        }
        throw new AssertionError();
    }

    /** A replacement mutation when the chosen one does not apply; never javac's, which must come last. */
    private void mutate(FuzzCase c, Random r) {
        Mutation m;
        do {
            m = pickMutation(r);
        } while (m == Mutation.JAVAC);
        mutate(c, r, m);
    }

    private void mutate(FuzzCase c, Random r, Mutation m) {
        c.mutations.add(m.name());
        List<Field> layerFields = c.fields.stream().filter(f -> !f.layerAnnotations().isEmpty()).toList();
        Ann network = c.network();
        switch (m) {
            case WIDTH, WRONG_EXPLICIT_WIDTH -> {
                List<Ann> sized = new ArrayList<>();
                for (Field f : layerFields) {
                    for (Ann a : f.annotations) {
                        if (SIZED_ATTRIBUTES.containsKey(a.kind)) {
                            sized.add(a);
                        }
                    }
                }
                if (sized.isEmpty()) {
                    mutate(c, r);
                    return;
                }
                Ann a = pick(r, sized);
                String attribute = pick(r, SIZED_ATTRIBUTES.get(a.kind));
                if (a.positional) {
                    a.positional = false;
                }
                int old = a.attr(attribute) != null && a.attr(attribute).value() instanceof Integer v ? v : 8;
                int value = m == Mutation.WIDTH ? Values.extremeWidth(r, old) : 1 + r.nextInt(Math.max(2, old + 3));
                a.attrs.removeIf(x -> x.name().equals(attribute));
                a.attrs.add(r.nextInt(a.attrs.size() + 1), intAttr(r, attribute, value));
            }
            case LAYER_DOUBLE -> {
                if (layerFields.isEmpty()) {
                    mutate(c, r);
                    return;
                }
                Field f = pick(r, layerFields);
                String kind = pick(r, List.of("BatchNorm", "Dropout", "LeakyReLU"));
                Ann a = f.annotations.stream().filter(x -> x.kind.equals(kind)).findFirst().orElse(null);
                if (a == null) {
                    a = new Ann(kind);
                    f.annotations.add(r.nextInt(f.annotations.size() + 1), a);
                }
                switch (kind) {
                    case "BatchNorm" -> {
                        boolean eps = r.nextBoolean();
                        a.remove(eps ? "eps" : "momentum");
                        a.attrs.add(doubleAttr(r, eps ? "eps" : "momentum",
                                Values.pick(r, eps ? Values.BN_EPS : Values.BN_MOMENTUM, 0.8)));
                    }
                    case "Dropout" -> {
                        a.remove("value").attrs.add(doubleAttr(r, "value", Values.pick(r, Values.DROPOUT, 0.8)));
                        a.positional = r.nextBoolean();
                    }
                    default -> {
                        a.remove("value").attrs.add(doubleAttr(r, "value", Values.pick(r, Values.SLOPE, 0.8)));
                        a.positional = r.nextBoolean();
                    }
                }
            }
            case INPUT -> {
                if (network == null) {
                    return;
                }
                List<int[]> inputs = List.of(new int[0], new int[] {0}, new int[] {-3}, new int[] {Integer.MIN_VALUE},
                        new int[] {784, 0}, new int[] {0, -1, 5}, new int[] {2, 3}, new int[] {1, 28, 28},
                        new int[] {Integer.MAX_VALUE}, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 2},
                        new int[] {65_536, 65_536}, new int[] {1, 1, 1, 1, 1}, new int[] {3});
                setInput(network, pick(r, inputs), r);
            }
            case FIELD_TYPE -> {
                if (layerFields.isEmpty()) {
                    mutate(c, r);
                    return;
                }
                pick(r, layerFields).type = pick(r, List.of("int", "String", "Object", "Layer[]", "Runnable"));
            }
            case FIELD_MODIFIER -> {
                if (layerFields.isEmpty()) {
                    mutate(c, r);
                    return;
                }
                Field f = pick(r, layerFields);
                int count = 1 + r.nextInt(2);
                for (int i = 0; i < count; i++) {
                    f.modifiers.add(pick(r, List.of("static", "private", "final", "transient", "volatile",
                            "protected", "public")));
                }
                if (f.modifiers.contains("final") && f.modifiers.contains("volatile")) {
                    f.modifiers.remove("volatile"); // javac: illegal combination; not what this mutation is about
                }
                if (f.modifiers.stream().filter(x -> List.of("private", "protected", "public").contains(x)).count() > 1) {
                    f.modifiers.removeAll(List.of("protected", "public"));
                }
            }
            case STRIP_ANNOTATIONS -> {
                if (layerFields.isEmpty()) {
                    mutate(c, r);
                    return;
                }
                pick(r, layerFields).annotations.clear();
            }
            case ANNOTATE_PLAIN_FIELD -> {
                Field plain = new Field(pick(r, List.of("int", "String", "Object", "Layer")), "plain" + r.nextInt(1000));
                if (!plain.type.equals("Layer") || r.nextBoolean()) {
                    plain.annotations.add(layer(r, pick(r, NON_LINEAR_KINDS), 0.2));
                }
                if (c.fields.stream().noneMatch(f -> f.name.equals(plain.name))) {
                    c.fields.add(r.nextInt(c.fields.size() + 1), plain);
                }
            }
            case EMPTY_NETWORK -> c.fields.removeIf(f -> !f.layerAnnotations().isEmpty() || f.isLayerType());
            case NESTING -> c.nesting = pick(r, List.of(FuzzCase.Nesting.values()));
            case CLASS_SHAPE -> c.shape = pick(r, List.of(FuzzCase.Shape.FINAL_CLASS, FuzzCase.Shape.GENERIC_CLASS,
                    FuzzCase.Shape.INTERFACE, FuzzCase.Shape.ENUM, FuzzCase.Shape.RECORD,
                    FuzzCase.Shape.ANNOTATION_TYPE, FuzzCase.Shape.CLASS));
            case CONSTRUCTOR -> {
                c.constructors.clear();
                switch (r.nextInt(6)) {
                    case 0 -> c.constructors.add(new FuzzCase.Constructor("private", true, "", false));
                    case 1 -> c.constructors.add(new FuzzCase.Constructor("", false, "", false));
                    case 2 -> c.constructors.addAll(List.of(new FuzzCase.Constructor("private", true, "", false),
                            new FuzzCase.Constructor("public", false, "", false)));
                    case 3 -> c.constructors.add(new FuzzCase.Constructor("", true, "Exception", true));
                    case 4 -> c.constructors.add(new FuzzCase.Constructor("protected", true, "java.io.IOException", true));
                    default -> c.constructors.addAll(harmlessConstructors(r));
                }
            }
            case MEMBER -> {
                if (r.nextInt(4) == 0) {
                    addMember(c, new FuzzCase.Member(pick(r, HARMLESS_MEMBERS), null, false));
                } else {
                    List<String> member = pick(r, BREAKING_MEMBERS);
                    addMember(c, new FuzzCase.Member(member.get(0), member.get(1), member.get(0).startsWith("abstract")));
                }
            }
            case DATA -> {
                Ann train = ensureTrain(c, r);
                List<String> data = pick(r, DATA);
                train.set("data", data.get(0), data.get(1));
            }
            case NO_NETWORK -> c.classAnnotations.remove(network);
            case TRAINING_VALUE -> {
                String kind = pick(r, List.of("Train", "Adam", "Sgd", "StepLr", "CosineLr", "EarlyStopping", "Split"));
                Ann existing = c.classAnnotation(kind);
                Ann replacement = switch (kind) {
                    case "Train" -> badTrain(r, existing);
                    case "Adam" -> adam(r, 0.7);
                    case "Sgd" -> sgd(r, 0.7);
                    case "StepLr" -> stepLr(r, 0.7);
                    case "CosineLr" -> cosineLr(r, 0.7);
                    case "Split" -> split(r, 0.7, lossOf(c));
                    default -> earlyStopping(r, 0.7, lossOf(c), hasValidation(c));
                };
                replaceOrAdd(c, r, existing, replacement);
                if (!kind.equals("Train") && c.classAnnotation("Train") == null && r.nextBoolean()) {
                    replaceOrAdd(c, r, null, new Ann("Train"));
                }
            }
            case TRAINING_STRUCTURE -> {
                switch (r.nextInt(4)) {
                    case 0 -> { // companions without @Train
                        c.classAnnotations.removeIf(a -> a.kind.equals("Train"));
                        if (c.classAnnotations(TRAINING_COMPANIONS.toArray(new String[0])).isEmpty()) {
                            replaceOrAdd(c, r, null, switch (r.nextInt(3)) {
                                case 0 -> adam(r, 0);
                                case 1 -> split(r, 0, "CROSS_ENTROPY");
                                default -> earlyStopping(r, 0, "CROSS_ENTROPY", false);
                            });
                        }
                    }
                    case 1 -> { // two optimizers
                        ensureTrain(c, r);
                        if (c.classAnnotation("Adam") == null) {
                            replaceOrAdd(c, r, null, adam(r, 0.2));
                        }
                        if (c.classAnnotation("Sgd") == null) {
                            replaceOrAdd(c, r, null, sgd(r, 0.2));
                        }
                    }
                    case 2 -> { // two schedules
                        ensureTrain(c, r);
                        if (c.classAnnotation("StepLr") == null) {
                            replaceOrAdd(c, r, null, stepLr(r, 0.2));
                        }
                        if (c.classAnnotation("CosineLr") == null) {
                            replaceOrAdd(c, r, null, cosineLr(r, 0.2));
                        }
                    }
                    default -> { // training annotations with a network that is not one
                        ensureTrain(c, r);
                        c.classAnnotations.removeIf(a -> a.kind.equals("Network"));
                    }
                }
            }
            case LOSS -> {
                Ann train = ensureTrain(c, r);
                String loss = pick(r, Values.LOSSES);
                train.set("loss", "Loss." + loss, loss);
            }
            case BATCH_SIZE_ONE -> {
                Ann train = ensureTrain(c, r);
                train.set("batchSize", "1", 1);
                if (!layerFields.isEmpty() && r.nextBoolean()) {
                    Field f = pick(r, layerFields);
                    if (f.annotations.stream().noneMatch(a -> a.kind.equals("BatchNorm"))) {
                        f.annotations.add(new Ann("BatchNorm"));
                    }
                }
            }
            case RANDOM_STAGE -> {
                Field f = new Field("Layer", "extra" + r.nextInt(1000));
                List<String> kinds = new ArrayList<>(LAYER_KINDS);
                Collections.shuffle(kinds, r);
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    f.annotations.add(layer(r, kinds.get(i), 0.25));
                }
                if (c.fields.stream().noneMatch(x -> x.name.equals(f.name))) {
                    c.fields.add(r.nextInt(c.fields.size() + 1), f);
                }
            }
            case NETWORK_TESTS -> replaceOrAdd(c, r, c.classAnnotation("NetworkTests"), networkTests(r, 0.7));
            case ODD_NAMES -> {
                if (network != null && r.nextBoolean()) {
                    String name = pick(r, Values.NAMES);
                    network.set("name", Values.javaString(name), name);
                } else if (!layerFields.isEmpty()) {
                    String name = pick(r, Values.ODD_FIELD_NAMES);
                    if (c.fields.stream().noneMatch(f -> f.name.equals(name))) {
                        pick(r, layerFields).name = name;
                    }
                }
            }
            case JAVAC -> javacMistake(c, r, layerFields);
        }
    }

    private static String lossOf(FuzzCase c) {
        Ann train = c.classAnnotation("Train");
        return train == null || train.attr("loss") == null ? "CROSS_ENTROPY" : (String) train.attr("loss").value();
    }

    private static boolean hasValidation(FuzzCase c) {
        Ann split = c.classAnnotation("Split");
        return split != null && split.doubleValue("validation", 0.1) != 0;
    }

    private static Ann ensureTrain(FuzzCase c, Random r) {
        Ann train = c.classAnnotation("Train");
        if (train == null) {
            train = new Ann("Train");
            replaceOrAdd(c, r, null, train);
        }
        return train;
    }

    private static Ann badTrain(Random r, Ann existing) {
        Ann train = existing == null ? new Ann("Train") : existing.copy();
        switch (r.nextInt(3)) {
            case 0 -> train.remove("epochs").attrs.add(intAttr(r, "epochs", pick(r, List.of(0, -1, Integer.MIN_VALUE))));
            case 1 -> train.remove("batchSize").attrs.add(intAttr(r, "batchSize", pick(r, List.of(0, -32, 1))));
            default -> train.remove("epochs").attrs.add(intAttr(r, "epochs", pick(r, List.of(1, Integer.MAX_VALUE))));
        }
        return train;
    }

    private static void replaceOrAdd(FuzzCase c, Random r, Ann existing, Ann replacement) {
        if (existing != null) {
            c.classAnnotations.set(c.classAnnotations.indexOf(existing), replacement);
        } else {
            c.classAnnotations.add(r.nextInt(c.classAnnotations.size() + 1), replacement);
        }
    }

    /** Something javac itself rejects; the processor must neither crash nor bury javac's error. */
    private static void javacMistake(FuzzCase c, Random r, List<Field> layerFields) {
        List<Ann> linears = layerFields.stream().flatMap(f -> f.annotations.stream())
                .filter(a -> a.kind.equals("Linear")).toList();
        switch (r.nextInt(7)) {
            case 0 -> {
                if (!linears.isEmpty()) {
                    Ann a = pick(r, linears);
                    a.remove("out");
                    a.javacError = "missing out";
                    return;
                }
                Ann network = c.network();
                if (network != null) {
                    network.remove("input");
                    network.javacError = "missing input";
                    return;
                }
                Ann sgd = new Ann("Sgd");
                sgd.javacError = "missing lr";
                c.classAnnotations.add(sgd);
            }
            case 1 -> {
                List<Ann> convs = layerFields.stream().flatMap(f -> f.annotations.stream())
                        .filter(a -> a.kind.equals("Conv2d") || a.kind.endsWith("Pool2d")).toList();
                if (!convs.isEmpty() && r.nextBoolean()) {
                    Ann a = pick(r, convs);
                    a.remove(a.kind.equals("Conv2d") ? "kernel" : "value");
                    a.positional = false;
                    a.javacError = "missing required attribute";
                    return;
                }
                Ann step = new Ann("StepLr");
                step.attrs.add(doubleAttr(r, "gamma", 0.5));
                step.javacError = "missing stepSize";
                c.classAnnotations.removeIf(a -> a.kind.equals("StepLr"));
                c.classAnnotations.add(step);
            }
            case 2 -> { // duplicate attribute
                Ann a = linears.isEmpty() ? c.network() : pick(r, linears);
                if (a == null || a.attrs.isEmpty()) {
                    javacMistake(c, r, layerFields);
                    return;
                }
                a.attrs.add(a.attrs.get(0));
                a.positional = false;
                a.javacError = "duplicate attribute";
            }
            case 3 -> { // a repeated annotation on one member
                if (layerFields.isEmpty()) {
                    javacMistake(c, r, layerFields);
                    return;
                }
                Field f = pick(r, layerFields);
                f.annotations.add(pick(r, f.annotations).copy());
            }
            case 4 -> { // wrong literal type
                if (linears.isEmpty()) {
                    Ann dropout = new Ann("Dropout");
                    dropout.set("value", pick(r, List.of("\"0.5\"", "true", "null")), null);
                    dropout.javacError = "wrong type";
                    Field f = new Field("Layer", "typo" + r.nextInt(100));
                    f.annotations.add(dropout);
                    if (c.fields.stream().noneMatch(x -> x.name.equals(f.name))) {
                        c.fields.add(f);
                    }
                    return;
                }
                Ann a = pick(r, linears);
                a.set(r.nextBoolean() ? "out" : "in", pick(r, List.of("2.5", "3L", "\"10\"", "true", "{1, 2}")), null);
                a.javacError = "wrong type";
            }
            case 5 -> { // unresolved constant
                if (linears.isEmpty()) {
                    Ann network = c.network();
                    if (network == null) {
                        javacMistake(c, r, layerFields);
                        return;
                    }
                    network.set("input", "WIDTH", null);
                    network.javacError = "unresolved";
                    return;
                }
                Ann a = pick(r, linears);
                a.set("out", pick(r, List.of("WIDTH", "Integer.MAX", "Missing.VALUE")), null);
                a.javacError = "unresolved";
            }
            default -> { // a floating-point literal out of range
                Ann dropout = new Ann("Dropout");
                dropout.set("value", pick(r, List.of("1e309", "-1e400")), null);
                dropout.javacError = "literal out of range";
                Field f = new Field("Layer", "huge" + r.nextInt(100));
                f.annotations.add(dropout);
                if (c.fields.stream().noneMatch(x -> x.name.equals(f.name))) {
                    c.fields.add(f);
                }
            }
        }
    }
}
