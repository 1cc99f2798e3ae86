package dev.lamina.runtime.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.train.LossFunction;
import dev.lamina.spec.contract.TaskKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a model's outputs mean: what it predicts ({@link TaskKind}, from its loss), how many values it gives per
 * input, and their names when the data named them: the classes of a classifier whose labels were text ({@code
 * ["cat", "dog"]}), the tasks of a multi-task model ({@code ["NR-AR", ..., "SR-p53"]}), the targets of a
 * regression ({@code ["logS"]}).
 *
 * <p>A model file records it under {@value ModelFile#OUTPUTS} as JSON: {@code {"kind": "classes" | "binary" |
 * "regression", "names": [...]}}, where {@code names} is empty (unnamed) or has one name per output. Names are
 * distinct, non-blank, at most {@value #MAX_NAME_LENGTH} characters and free of control characters (they
 * become CSV column names).
 *
 * @param kind what the model predicts
 * @param width values per input: classes, tasks or targets
 * @param names one per output, or empty when the data did not name them
 */
public record ModelOutputs(TaskKind kind, int width, List<String> names) {

    /** The longest name a model file may hold. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();

    public ModelOutputs {
        if (kind == null) {
            throw new IllegalArgumentException("the outputs have no kind");
        }
        if (width < 1) {
            throw new IllegalArgumentException("a model has at least one output, not " + width);
        }
        names = List.copyOf(names);
        if (!names.isEmpty() && names.size() != width) {
            throw new IllegalArgumentException(names.size() + " output names for " + width + " outputs"
                    + " (the names must be one per " + unit(kind) + ")");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the output name '" + shorten(name) + "' is not a usable name"
                        + " (1 to " + MAX_NAME_LENGTH + " characters, not blank, no control characters)");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("the output name '" + name + "' appears twice");
            }
        }
    }

    /** The outputs of a network trained with {@code loss}, {@code width} wide, named or not. */
    public static ModelOutputs of(Loss loss, long width, List<String> names) {
        return new ModelOutputs(kindOf(loss), Math.toIntExact(width), names);
    }

    /** What a network trained with {@code loss} predicts. */
    public static TaskKind kindOf(Loss loss) {
        return LossFunction.taskKind(loss);
    }

    /** Whether the data named the outputs. */
    public boolean named() {
        return !names.isEmpty();
    }

    /** The name of each output: the recorded names, or {@code "0"}, {@code "1"}, ... when there are none. */
    public List<String> labels() {
        if (named()) {
            return names;
        }
        List<String> indices = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            indices.add(Integer.toString(i));
        }
        return List.copyOf(indices);
    }

    /**
     * Whether a prediction is one class: a classifier's, or the yes/no of a single task. Several tasks or a
     * regression give one value per output instead ({@link LaminaModel#predictOutputs}).
     */
    public boolean predictsOneClass() {
        return kind == TaskKind.CLASSES || (kind == TaskKind.BINARY && width == 1);
    }

    /** What the outputs are, for messages: "12 yes/no tasks (NR-AR, NR-AhR, ...)". */
    public String describe() {
        String what = switch (kind) {
            case CLASSES -> width + " classes";
            case BINARY -> width == 1 ? "one yes/no task" : width + " yes/no tasks";
            case REGRESSION -> width == 1 ? "one number" : width + " numbers";
        };
        if (!named()) {
            return what;
        }
        List<String> shown = names.size() <= 4 ? names : names.subList(0, 3);
        return what + " (" + String.join(", ", shown) + (names.size() > 4 ? ", ..." : "") + ")";
    }

    /** The JSON a model file records. */
    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.name().toLowerCase(Locale.ROOT));
        json.put("names", names);
        return GSON.toJson(json);
    }

    /**
     * Reads the JSON a model file records, for a network trained with {@code loss} whose output is {@code width}
     * wide.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static ModelOutputs fromJson(String json, Loss loss, long width) {
        Object tree = GSON.fromJson(json, Object.class);
        if (!(tree instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)
                || !(map.get("names") instanceof List<?> names)) {
            throw new IllegalArgumentException("its outputs are not {\"kind\": ..., \"names\": [...]}");
        }
        TaskKind expected = kindOf(loss);
        if (!expected.name().toLowerCase(Locale.ROOT).equals(kind)) {
            throw new IllegalArgumentException("its outputs are of kind '" + kind + "', but its loss " + loss
                    + " predicts " + expected.name().toLowerCase(Locale.ROOT));
        }
        if (names.size() > width) {
            throw new IllegalArgumentException("its outputs have " + names.size() + " names, but the network has "
                    + width + " outputs");
        }
        List<String> strings = new ArrayList<>(names.size());
        for (Object name : names) {
            if (!(name instanceof String string)) {
                throw new IllegalArgumentException("its output names must be strings, not " + name);
            }
            strings.add(string);
        }
        if (!strings.isEmpty() && strings.size() != width) {
            throw new IllegalArgumentException("its outputs have " + strings.size() + " names, but the network has "
                    + width + " outputs");
        }
        return of(loss, width, strings);
    }

    private static String unit(TaskKind kind) {
        return switch (kind) {
            case CLASSES -> "class";
            case BINARY -> "task";
            case REGRESSION -> "target";
        };
    }

    private static String shorten(String name) {
        String visible = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 40 ? visible.substring(0, 40) + "..." : visible;
    }
}
