package dev.lamina.processor.fuzz;

import static dev.lamina.processor.fuzz.Values.pick;

import dev.lamina.processor.fuzz.FuzzCase.Ann;
import dev.lamina.processor.fuzz.FuzzCase.Field;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Graph cases: small networks of flat Linear/ReLU/BatchNorm stages wired with {@code @From}, {@code @Add},
 * {@code @Concat} and {@code @Residual}, one input ({@code input = w}) or two named ones ({@code inputs}), valid
 * or with one injected mistake (an unknown source, a forward reference, an {@code @Add} of different widths, a
 * residual whose width changes, an unused stage continuing from the one above, an unused input). The generator
 * tracks widths only to build valid wiring; the {@link Oracle} recomputes everything from the annotations.
 */
final class GraphCases {

    /** The share of a campaign's cases that are graph cases (taken from the other kinds, not added). */
    static final double SHARE = 0.12;
    static final List<String> WIRING_KINDS = List.of("From", "Add", "Concat", "Residual");
    /** The mistakes {@link #inject} can make; also the mutation names in the report. */
    enum Mistake { UNKNOWN_SOURCE, FORWARD_REFERENCE, ADD_WIDTHS, RESIDUAL_WIDTH, UNUSED_STAGE, UNUSED_INPUT }

    private static final List<Integer> WIDTHS = List.of(3, 4, 8, 16);

    private GraphCases() {}

    /** Whether case {@code caseSeed} is a graph case: its own stream, so the other cases stay as they were. */
    static boolean isGraphCase(long caseSeed) {
        return new Random(caseSeed ^ 0x6A09E667F3BCC909L).nextDouble() < SHARE;
    }

    /** An input as written in {@code @Network(inputs = ...)}. */
    record GraphInput(String name, int width) {}

    static void build(FuzzCase c, Random r) {
        c.graph = true;
        c.mutations.add("graph");
        Ann network = new Ann("Network");
        c.classAnnotations.add(network);
        List<GraphInput> inputs = new ArrayList<>();
        Map<String, Integer> width = new HashMap<>();
        List<String> sources = new ArrayList<>();
        if (r.nextDouble() < 0.5) {
            int w = pick(r, WIDTHS);
            network.set("input", Integer.toString(w), new int[] {w});
        } else {
            inputs.add(new GraphInput("x", pick(r, WIDTHS)));
            inputs.add(new GraphInput(pick(r, List.of("y", "extra", "desc")), pick(r, WIDTHS)));
            setInputs(network, inputs);
            inputs.forEach(i -> {
                width.put(i.name(), i.width());
                sources.add(i.name());
            });
        }
        int n = 2 + r.nextInt(4);
        Integer previous = inputs.isEmpty() ? (Integer) ((int[]) network.attr("input").value())[0] : null;
        for (int s = 0; s < n; s++) {
            Field f = new Field("Layer", "s" + s);
            int in;
            double p = r.nextDouble();
            if (s == 0 && !inputs.isEmpty()) {
                f.annotations.add(wiring("From", inputs.get(0).name()));
                in = inputs.get(0).width();
            } else if (s == 1 && !inputs.isEmpty()) {
                String other = inputs.get(1).name();
                if (r.nextBoolean()) {
                    f.annotations.add(wiring("From", other));
                    in = width.get(other);
                } else {
                    f.annotations.add(wiring("Concat", "s0", other));
                    in = width.get("s0") + width.get(other);
                }
            } else if (s == 0 || p < 0.45) {
                in = previous;
            } else if (p < 0.65) {
                String from = pick(r, sources);
                f.annotations.add(wiring("From", from));
                in = width.get(from);
            } else {
                String a = pick(r, sources);
                List<String> same = sources.stream().filter(x -> !x.equals(a) && width.get(x).equals(width.get(a))).toList();
                if (p < 0.85 && !same.isEmpty()) {
                    String b = pick(r, same);
                    f.annotations.add(wiring("Add", a, b));
                    in = width.get(a);
                } else {
                    List<String> others = sources.stream().filter(x -> !x.equals(a)).toList();
                    String b = others.isEmpty() ? a : pick(r, others);
                    if (b.equals(a)) {
                        f.annotations.add(wiring("From", a));
                        in = width.get(a);
                    } else {
                        f.annotations.add(wiring("Concat", a, b));
                        in = width.get(a) + width.get(b);
                    }
                }
            }
            boolean residual = r.nextDouble() < 0.3;
            if (residual) {
                f.annotations.add(new Ann("Residual"));
            }
            int out = in;
            List<String> kinds = new ArrayList<>(List.of("Linear", "ReLU", "BatchNorm"));
            java.util.Collections.shuffle(kinds, r);
            int layers = 1 + r.nextInt(3);
            for (String kind : kinds.subList(0, layers)) {
                Ann a = new Ann(kind);
                if (kind.equals("Linear")) {
                    out = residual ? in : pick(r, WIDTHS);
                    a.set("out", Integer.toString(out), out);
                }
                f.annotations.add(a);
            }
            c.fields.add(f);
            width.put(f.name, out);
            width.put(f.name + "#in", in);
            sources.add(f.name);
            previous = out;
        }
        if (c.fields.stream().noneMatch(f -> f.annotations.stream().anyMatch(a -> WIRING_KINDS.contains(a.kind)))) {
            // Make it a graph: stage 1 reads stage 0 explicitly, which changes nothing else.
            c.fields.get(1).annotations.add(0, wiring("From", "s0"));
        }
        if (r.nextDouble() < 0.6) {
            inject(c, r, pick(r, List.of(Mistake.values())), network, inputs, width);
        }
    }

    private static void setInputs(Ann network, List<GraphInput> inputs) {
        String literal = inputs.stream().map(i -> "@Input(name = \"" + i.name() + "\", shape = " + i.width() + ")")
                .collect(Collectors.joining(", ", "{", "}"));
        network.remove("input");
        network.set("inputs", literal, List.copyOf(inputs));
    }

    static Ann wiring(String kind, String... sources) {
        Ann a = new Ann(kind);
        String literal = sources.length == 1 ? Values.javaString(sources[0])
                : java.util.Arrays.stream(sources).map(Values::javaString).collect(Collectors.joining(", ", "{", "}"));
        a.set("value", literal, List.of(sources));
        a.positional = true;
        return a;
    }

    private static Ann explicitSource(Field f) {
        return f.annotations.stream().filter(a -> List.of("From", "Add", "Concat").contains(a.kind)).findFirst().orElse(null);
    }

    private static void replaceSource(Field f, Ann source) {
        f.annotations.removeIf(a -> List.of("From", "Add", "Concat").contains(a.kind));
        f.annotations.add(0, source);
    }

    private static void inject(FuzzCase c, Random r, Mistake m, Ann network, List<GraphInput> inputs,
            Map<String, Integer> width) {
        c.mutations.add(m.name());
        List<Field> stages = c.fields;
        int n = stages.size();
        switch (m) {
            case UNKNOWN_SOURCE -> {
                Field f = stages.get(1 + r.nextInt(n - 1));
                Ann source = explicitSource(f);
                String unknown = pick(r, List.of("missing", "s" + (n + 3), "S0", "s0 ", "X", "inputs"));
                if (source == null || source.kind.equals("From")) {
                    replaceSource(f, wiring("From", unknown));
                } else {
                    @SuppressWarnings("unchecked")
                    List<String> names = new ArrayList<>((List<String>) source.attr("value").value());
                    names.set(r.nextInt(2), unknown);
                    replaceSource(f, wiring(source.kind, names.toArray(String[]::new)));
                }
            }
            case FORWARD_REFERENCE -> {
                int i = r.nextInt(n - 1);
                int j = i + 1 + r.nextInt(n - 1 - i);
                replaceSource(stages.get(i), wiring("From", stages.get(j).name));
            }
            case ADD_WIDTHS -> {
                int i = 1 + r.nextInt(n - 1);
                List<String> earlier = new ArrayList<>();
                inputs.forEach(x -> earlier.add(x.name()));
                stages.subList(0, i).forEach(f -> earlier.add(f.name));
                String a = pick(r, earlier);
                List<String> differ = earlier.stream().filter(x -> !width.get(x).equals(width.get(a))).toList();
                if (differ.isEmpty()) {
                    c.mutations.remove(m.name());
                    inject(c, r, Mistake.RESIDUAL_WIDTH, network, inputs, width);
                    return;
                }
                replaceSource(stages.get(i), wiring("Add", a, pick(r, differ)));
            }
            case RESIDUAL_WIDTH -> {
                Field f = pick(r, stages);
                if (f.annotations.stream().noneMatch(a -> a.kind.equals("Residual"))) {
                    f.annotations.add(explicitSource(f) == null ? 0 : 1, new Ann("Residual"));
                }
                Ann linear = f.annotations.stream().filter(a -> a.kind.equals("Linear")).findFirst().orElse(null);
                int w = width.get(f.name + "#in") + 1 + r.nextInt(7);
                if (linear == null) {
                    f.annotations.add(new Ann("Linear").set("out", Integer.toString(w), w));
                } else {
                    linear.set("out", Integer.toString(w), w);
                }
            }
            case UNUSED_STAGE -> {
                int i = r.nextInt(n - 1);
                Field above = stages.get(i);
                Field next = stages.get(i + 1);
                if (explicitSource(next) == null) {
                    next.annotations.add(0, wiring("From", above.name));
                }
                Field unused = new Field("Layer", "dead" + i);
                unused.annotations.add(r.nextBoolean() ? new Ann("ReLU")
                        : new Ann("Linear").set("out", "4", 4));
                stages.add(i + 1, unused);
            }
            case UNUSED_INPUT -> {
                List<GraphInput> more = new ArrayList<>(inputs);
                if (more.isEmpty()) {
                    int w = ((int[]) network.attr("input").value())[0];
                    more.add(new GraphInput("x", w));
                    if (explicitSource(stages.get(0)) == null) {
                        stages.get(0).annotations.add(0, wiring("From", "x"));
                    }
                }
                more.add(new GraphInput("unread", pick(r, WIDTHS)));
                if (r.nextBoolean()) {
                    java.util.Collections.swap(more, more.size() - 1, r.nextInt(more.size()));
                }
                setInputs(network, more);
            }
        }
    }
}
