package dev.lamina.processor.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One generated network definition: a top-level class in package {@code fuzz}, described structurally so
 * the {@link Oracle} can judge it without parsing Java. {@link #render()} writes it with one line per class
 * annotation and one line per field, so every diagnostic maps to the line of one member or annotation.
 *
 * <p>Mutable while {@link CaseGenerator} builds it; read-only afterwards.
 */
final class FuzzCase {

    static final String PACKAGE = "fuzz";

    /** What kind of type declaration carries the annotations. */
    enum Shape {
        ABSTRACT_CLASS("abstract class %s"),
        PUBLIC_ABSTRACT_CLASS("public abstract class %s"),
        CLASS("class %s"),
        FINAL_CLASS("final class %s"),
        GENERIC_CLASS("abstract class %s<T>"),
        PRIVATE_CONSTRUCTOR("abstract class %s"),
        CONSTRUCTOR_WITH_ARGUMENTS("abstract class %s"),
        INTERFACE("interface %s"),
        ENUM("enum %s"),
        RECORD("record %s()"),
        ANNOTATION_TYPE("@interface %s");

        final String declaration;

        Shape(String declaration) {
            this.declaration = declaration;
        }

        /** Whether the generated network could extend it (the documented @Network target rule). */
        boolean extendable() {
            return this == ABSTRACT_CLASS || this == PUBLIC_ABSTRACT_CLASS || this == CLASS;
        }

        /** Whether fields are rendered in its body (only for classes; the others get an empty body). */
        boolean hasFields() {
            return this != INTERFACE && this != ENUM && this != RECORD && this != ANNOTATION_TYPE;
        }
    }

    /**
     * One attribute as written. {@code value} is what javac makes of {@code literal} (Integer, Double, Boolean,
     * String, an enum constant name, or {@code int[]} for the input), or null when javac rejects it.
     */
    record Attr(String name, String literal, Object value) {}

    /** One annotation. {@code positional}: written as {@code @Dropout(0.2)} rather than {@code value = 0.2}. */
    static final class Ann {
        final String kind;
        final List<Attr> attrs = new ArrayList<>();
        boolean positional;
        /** Why javac rejects this annotation (missing required attribute, duplicate, wrong type), or null. */
        String javacError;

        Ann(String kind) {
            this.kind = kind;
        }

        Attr attr(String name) {
            return attrs.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        }

        boolean has(String name) {
            return attr(name) != null;
        }

        /** Sets (replacing) an attribute. */
        Ann set(String name, String literal, Object value) {
            attrs.removeIf(a -> a.name().equals(name));
            attrs.add(new Attr(name, literal, value));
            return this;
        }

        Ann remove(String name) {
            attrs.removeIf(a -> a.name().equals(name));
            return this;
        }

        int intValue(String name, int fallback) {
            Attr a = attr(name);
            return a == null ? fallback : (Integer) a.value();
        }

        double doubleValue(String name, double fallback) {
            Attr a = attr(name);
            return a == null ? fallback : ((Number) a.value()).doubleValue();
        }

        String render() {
            if (attrs.isEmpty()) {
                return "@" + kind;
            }
            if (positional && attrs.size() == 1 && attrs.get(0).name().equals("value")) {
                return "@" + kind + "(" + attrs.get(0).literal() + ")";
            }
            return "@" + kind + attrs.stream().map(a -> a.name() + " = " + a.literal())
                    .collect(Collectors.joining(", ", "(", ")"));
        }

        Ann copy() {
            Ann copy = new Ann(kind);
            copy.attrs.addAll(attrs);
            copy.positional = positional;
            copy.javacError = javacError;
            return copy;
        }
    }

    /** One field: its annotations (in order), modifiers, type and name. */
    static final class Field {
        final List<Ann> annotations = new ArrayList<>();
        final Set<String> modifiers = new LinkedHashSet<>();
        String type;
        String name;

        Field(String type, String name) {
            this.type = type;
            this.name = name;
        }

        boolean isLayerType() {
            return type.equals("Layer") || type.equals("dev.lamina.dsl.Layer");
        }

        List<Ann> layerAnnotations() {
            return annotations.stream().filter(a -> CaseGenerator.LAYER_KINDS.contains(a.kind)).toList();
        }

        /** Two annotations of one kind on one field: javac rejects that (not repeatable). */
        boolean repeatsAnnotation() {
            return annotations.stream().map(a -> a.kind).distinct().count() < annotations.size();
        }

        String render() {
            StringBuilder line = new StringBuilder("    ");
            for (Ann a : annotations) {
                line.append(a.render()).append(' ');
            }
            for (String m : modifiers) {
                line.append(m).append(' ');
            }
            line.append(type).append(' ').append(name);
            if (modifiers.contains("final")) {
                line.append(type.equals("int") ? " = 0" : " = null");
            }
            return line.append(';').toString();
        }
    }

    final int index;
    final long caseSeed;
    Shape shape = Shape.ABSTRACT_CLASS;
    /** Class annotations in the order written; {@code @Network} among them, or absent. */
    final List<Ann> classAnnotations = new ArrayList<>();
    final List<Field> fields = new ArrayList<>();
    /** The mutations applied to the valid base, for the report. */
    final List<String> mutations = new ArrayList<>();

    FuzzCase(int index, long caseSeed) {
        this.index = index;
        this.caseSeed = caseSeed;
    }

    String className() {
        return "Case" + index;
    }

    String qualifiedName() {
        return PACKAGE + "." + className();
    }

    Ann classAnnotation(String kind) {
        return classAnnotations.stream().filter(a -> a.kind.equals(kind)).findFirst().orElse(null);
    }

    List<Ann> classAnnotations(String... kinds) {
        List<String> wanted = List.of(kinds);
        return classAnnotations.stream().filter(a -> wanted.contains(a.kind)).toList();
    }

    Ann network() {
        return classAnnotation("Network");
    }

    /** Lines are 1-based: 1 package, 2 import, then one line per class annotation, the declaration, fields. */
    int classAnnotationLine(Ann annotation) {
        for (int i = 0; i < classAnnotations.size(); i++) {
            if (classAnnotations.get(i) == annotation) {
                return 3 + i;
            }
        }
        throw new IllegalArgumentException("not a class annotation of " + className());
    }

    int declarationLine() {
        return 3 + classAnnotations.size();
    }

    int fieldLine(Field field) {
        return declarationLine() + 1 + fields.indexOf(field);
    }

    List<Field> renderedFields() {
        return shape.hasFields() ? fields : List.of();
    }

    boolean hasJavacError() {
        return classAnnotations.stream().anyMatch(a -> a.javacError != null)
                || renderedFields().stream().anyMatch(f -> f.repeatsAnnotation()
                        || f.annotations.stream().anyMatch(a -> a.javacError != null));
    }

    String render() {
        StringBuilder source = new StringBuilder();
        source.append("package ").append(PACKAGE).append(";\n");
        source.append("import dev.lamina.dsl.*;\n");
        for (Ann a : classAnnotations) {
            source.append(a.render()).append('\n');
        }
        source.append(String.format(shape.declaration, className())).append(" {\n");
        if (shape == Shape.ENUM) {
            source.append("    A;\n");
        }
        for (Field f : renderedFields()) {
            source.append(f.render()).append('\n');
        }
        if (shape == Shape.PRIVATE_CONSTRUCTOR) {
            source.append("    private ").append(className()).append("() {}\n");
        } else if (shape == Shape.CONSTRUCTOR_WITH_ARGUMENTS) {
            source.append("    ").append(className()).append("(int width) {}\n");
        }
        source.append("}\n");
        return source.toString();
    }

    @Override
    public String toString() {
        return className() + " (seed " + caseSeed + ", mutations " + mutations + ")\n" + render();
    }
}
