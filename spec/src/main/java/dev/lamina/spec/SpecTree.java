package dev.lamina.spec;

import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphShapes;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.LayerSpec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network spec as a JSON value tree (maps, lists, strings, numbers), and back: what a model file stores.
 * The module has no JSON library, so the text itself is the caller's (the runtime uses Gson); the tree is
 * what both sides agree on.
 *
 * <p>A layer is {@code {"kind": "Linear", "in": 784, "out": 300}}: its kind and its record components by
 * name, so a new layer kind needs nothing here. Reading is strict: an unknown kind or field, a missing
 * field, or a number that is not exactly the component's type is an error naming the stage and the field,
 * and the layers' own checks run as they do for code.
 *
 * <p>A graph network is {@code {"kind": "Graph", "name": ..., "inputs": [{"name": "x", "shape": [32]}],
 * "nodes": [{"name": "joint", "from": ["fp", "desc"], "merge": "CONCAT", "residual": false, "layers": [...]}],
 * "outputs": ["out"]}}; {@code from} may be empty (the node above), {@code merge} is a {@link Merge} name. It is
 * read as strictly, and the graph's wiring and shapes are checked ({@link GraphShapes}) as they are for code.
 */
public final class SpecTree {

    private static final Map<String, Class<?>> LAYER_KINDS = layerKinds();

    /** The {@code kind} of a graph network's tree. */
    public static final String GRAPH_KIND = "Graph";

    private SpecTree() {}

    private static Map<String, Class<?>> layerKinds() {
        Map<String, Class<?>> kinds = new TreeMap<>();
        List<Class<?>> pending = new ArrayList<>(List.of(LayerSpec.class));
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(pending.size() - 1);
            if (type.isRecord()) {
                String name = type.getSimpleName();
                kinds.put(name.substring(0, name.length() - "Spec".length()), type);
            } else {
                pending.addAll(Arrays.asList(type.getPermittedSubclasses()));
            }
        }
        return kinds;
    }

    /** The annotation names of every layer kind, sorted. */
    public static List<String> layerKindNames() {
        return List.copyOf(LAYER_KINDS.keySet());
    }

    public static Map<String, Object> toTree(NetworkSpec network) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", network.name());
        tree.put("input", network.input().dims());
        List<Object> stages = new ArrayList<>();
        for (StageSpec stage : network.stages()) {
            Map<String, Object> stageTree = new LinkedHashMap<>();
            stageTree.put("name", stage.name());
            stageTree.put("layers", stage.layers().stream().map(SpecTree::toTree).toList());
            stages.add(stageTree);
        }
        tree.put("stages", stages);
        return tree;
    }

    public static Map<String, Object> toTree(LayerSpec layer) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("kind", layer.kind());
        for (RecordComponent component : layer.getClass().getRecordComponents()) {
            try {
                tree.put(component.getName(), component.getAccessor().invoke(layer));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + layer.kind() + "." + component.getName(), e);
            }
        }
        return tree;
    }

    /** The JSON tree of a graph network; {@link #graph} reads it back. */
    public static Map<String, Object> toTree(GraphSpec graph) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("kind", GRAPH_KIND);
        tree.put("name", graph.name());
        List<Object> inputs = new ArrayList<>();
        for (GraphInput input : graph.inputs()) {
            Map<String, Object> inputTree = new LinkedHashMap<>();
            inputTree.put("name", input.name());
            inputTree.put("shape", input.shape().dims());
            inputs.add(inputTree);
        }
        tree.put("inputs", inputs);
        List<Object> nodes = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            Map<String, Object> nodeTree = new LinkedHashMap<>();
            nodeTree.put("name", node.name());
            nodeTree.put("from", node.from());
            nodeTree.put("merge", node.merge().name());
            nodeTree.put("residual", node.residual());
            nodeTree.put("layers", node.layers().stream().map(SpecTree::toTree).toList());
            nodes.add(nodeTree);
        }
        tree.put("nodes", nodes);
        tree.put("outputs", graph.outputs());
        return tree;
    }

    /** Whether {@code tree} claims to be a graph network ({@code "kind": "Graph"}) rather than a stack. */
    public static boolean isGraph(Object tree) {
        return tree instanceof Map<?, ?> map && GRAPH_KIND.equals(map.get("kind"));
    }

    /**
     * The graph network a tree describes, with its wiring and shapes checked.
     *
     * @throws IllegalArgumentException saying what is wrong and where (every wiring problem, one a line)
     */
    public static GraphSpec graph(Object tree) {
        Map<?, ?> map = object(tree, "the graph");
        Object kind = map.get("kind");
        if (!GRAPH_KIND.equals(kind)) {
            throw new IllegalArgumentException("the graph: expected \"kind\": \"" + GRAPH_KIND + "\", found "
                    + (kind instanceof String text ? "\"" + text + "\"" : describe(kind)));
        }
        expectKeys(map, "the graph", "kind", "name", "inputs", "nodes", "outputs");
        String name = string(map.get("name"), "the graph's name");
        List<GraphInput> inputs = new ArrayList<>();
        for (Object inputTree : list(map.get("inputs"), name + ".inputs")) {
            String where = name + ".inputs[" + inputs.size() + "]";
            Map<?, ?> inputMap = object(inputTree, where);
            expectKeys(inputMap, where, "name", "shape");
            String inputName = string(inputMap.get("name"), where + ".name");
            List<?> shapeTree = list(inputMap.get("shape"), name + "." + inputName + ".shape");
            long[] dims = new long[shapeTree.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = (Long) number(shapeTree.get(i), long.class, name + "." + inputName + ".shape[" + i + "]");
            }
            inputs.add(construct(where, () -> new GraphInput(inputName, Shape.of(dims))));
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (Object nodeTree : list(map.get("nodes"), name + ".nodes")) {
            String where = name + ".nodes[" + nodes.size() + "]";
            Map<?, ?> nodeMap = object(nodeTree, where);
            expectKeys(nodeMap, where, "name", "from", "merge", "residual", "layers");
            String nodeName = string(nodeMap.get("name"), where + ".name");
            String at = name + "." + nodeName;
            List<String> from = strings(nodeMap.get("from"), at + ".from");
            String mergeName = string(nodeMap.get("merge"), at + ".merge");
            Merge merge = Arrays.stream(Merge.values()).filter(m -> m.name().equals(mergeName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(at + ".merge: unknown merge '" + mergeName
                            + "'; expected one of " + Arrays.toString(Merge.values())));
            if (!(nodeMap.get("residual") instanceof Boolean residual)) {
                throw new IllegalArgumentException(at + ".residual: expected true or false, found "
                        + describe(nodeMap.get("residual")));
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (Object layerTree : list(nodeMap.get("layers"), at + ".layers")) {
                layers.add(layer(layerTree, at + " layer " + (layers.size() + 1)));
            }
            nodes.add(construct(where, () -> new GraphNode(nodeName, from, merge, residual, layers)));
        }
        List<String> outputs = strings(map.get("outputs"), name + ".outputs");
        GraphSpec graph = construct("the graph", () -> new GraphSpec(name, inputs, nodes, outputs));
        GraphShapes.infer(graph).requireValid(name);
        return graph;
    }

    private static <T> T construct(String where, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Object tree, String where) {
        List<String> strings = new ArrayList<>();
        for (Object item : list(tree, where)) {
            strings.add(string(item, where + "[" + strings.size() + "]"));
        }
        return strings;
    }

    /**
     * The network a tree describes.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static NetworkSpec network(Object tree) {
        Map<?, ?> map = object(tree, "the network");
        if (isGraph(map)) {
            throw new IllegalArgumentException("the network is a graph (\"kind\": \"Graph\"), not a straight"
                    + " stack of stages; read it with SpecTree.graph");
        }
        expectKeys(map, "the network", "name", "input", "stages");
        String name = string(map.get("name"), "the network's name");
        List<?> inputTree = list(map.get("input"), name + ".input");
        long[] input = new long[inputTree.size()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (Long) number(inputTree.get(i), long.class, name + ".input[" + i + "]");
        }
        List<StageSpec> stages = new ArrayList<>();
        for (Object stageTree : list(map.get("stages"), name + ".stages")) {
            Map<?, ?> stageMap = object(stageTree, name + ".stages[" + stages.size() + "]");
            expectKeys(stageMap, name + ".stages[" + stages.size() + "]", "name", "layers");
            String stageName = string(stageMap.get("name"), name + ".stages[" + stages.size() + "].name");
            List<LayerSpec> layers = new ArrayList<>();
            for (Object layerTree : list(stageMap.get("layers"), name + "." + stageName + ".layers")) {
                layers.add(layer(layerTree, name + "." + stageName + " layer " + (layers.size() + 1)));
            }
            stages.add(new StageSpec(stageName, layers));
        }
        return new NetworkSpec(name, Shape.of(input), stages);
    }

    /**
     * The layer a tree describes.
     *
     * @param where how messages name the layer
     * @throws IllegalArgumentException saying what is wrong
     */
    public static LayerSpec layer(Object tree, String where) {
        Map<?, ?> map = object(tree, where);
        String kind = string(map.get("kind"), where + ": kind");
        Class<?> type = LAYER_KINDS.get(kind);
        if (type == null) {
            String suggestion = Names.closest(kind, LAYER_KINDS.keySet()).map(s -> " Did you mean " + s + "?").orElse("");
            throw new IllegalArgumentException(where + ": unknown layer kind '" + kind + "'." + suggestion
                    + " Known kinds: " + LAYER_KINDS.keySet());
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length + 1];
        names[0] = "kind";
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i + 1] = components[i].getName();
            types[i] = components[i].getType();
            Object value = map.get(components[i].getName());
            arguments[i] = number(value, types[i], where + " (" + kind + "): " + components[i].getName());
        }
        expectKeys(map, where + " (" + kind + ")", names);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return (LayerSpec) constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(where + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static void expectKeys(Map<?, ?> map, String where, String... keys) {
        List<String> expected = List.of(keys);
        for (Object key : map.keySet()) {
            if (!expected.contains(key)) {
                throw new IllegalArgumentException(where + ": unexpected field '" + key + "'; expected " + expected);
            }
        }
        for (String key : expected) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException(where + ": missing field '" + key + "'");
            }
        }
    }

    private static Map<?, ?> object(Object tree, String where) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected an object, found " + describe(tree));
        }
        return map;
    }

    private static List<?> list(Object tree, String where) {
        if (!(tree instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected a list, found " + describe(tree));
        }
        return list;
    }

    private static String string(Object tree, String where) {
        if (!(tree instanceof String text)) {
            throw new IllegalArgumentException(where + ": expected a string, found " + describe(tree));
        }
        return text;
    }

    /** {@code tree} as a value of {@code type} (long, int or double), refusing anything inexact. */
    private static Object number(Object tree, Class<?> type, String where) {
        if (!(tree instanceof Number number)) {
            throw new IllegalArgumentException(where + ": expected a number, found " + describe(tree));
        }
        double value = number.doubleValue();
        if (type == double.class) {
            return value;
        }
        boolean integral = number instanceof Long || number instanceof Integer
                || (value == Math.rint(value) && Math.abs(value) < 0x1p53);
        long whole = number instanceof Long || number instanceof Integer ? number.longValue() : (long) value;
        if (!integral || (type == int.class && (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE))) {
            throw new IllegalArgumentException(where + ": expected " + (type == int.class ? "an int" : "a whole number")
                    + ", found " + number);
        }
        return type == int.class ? (Object) (int) whole : (Object) whole;
    }

    private static String describe(Object tree) {
        return tree == null ? "nothing" : tree instanceof String ? "a string" : tree instanceof List ? "a list"
                : tree instanceof Map ? "an object" : tree.toString();
    }
}
