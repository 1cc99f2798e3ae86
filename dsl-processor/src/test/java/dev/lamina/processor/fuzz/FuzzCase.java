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

        boolean isAbstractClass() {
            return this == ABSTRACT_CLASS || this == PUBLIC_ABSTRACT_CLASS || this == GENERIC_CLASS;
        }
    }

    /**
     * A method or nested type written after the fields. {@code breaksGeneration}: why the generated subclass
     * cannot compile next to it (an abstract method it does not implement, a final method it overrides...),
     * or null for a harmless member.
     */
    record Member(String code, String breaksGeneration, boolean isAbstract) {}

    /** A constructor: {@code noArguments}, its modifiers and throws clause ("" for none). */
    record Constructor(String modifiers, boolean noArguments, String throwsClause, boolean checked) {

        String render(String className) {
            return "    " + (modifiers.isEmpty() ? "" : modifiers + " ") + className + (noArguments ? "()" : "(int width)")
                    + (throwsClause.isEmpty() ? "" : " throws " + throwsClause) + " {}";
        }
    }

    /** Where the network class is declared: top level, or nested in a class (or interface) {@code CaseN}. */
    enum Nesting {
        TOP_LEVEL(null, ""),
        STATIC_NESTED("class", "static "),
        PRIVATE_STATIC_NESTED("class", "private static "),
        INNER("class", ""),
        IN_INTERFACE("interface", "");

        final String wrapper;
        final String modifiers;

        Nesting(String wrapper, String modifiers) {
            this.wrapper = wrapper;
            this.modifiers = modifiers;
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
        /** Written with its qualified name, {@code @dev.lamina.dsl.Linear}. */
        boolean qualified;
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
            String at = qualified ? "@dev.lamina.dsl." : "@";
            if (attrs.isEmpty()) {
                return at + kind;
            }
            if (positional && attrs.size() == 1 && attrs.get(0).name().equals("value")) {
                return at + kind + "(" + attrs.get(0).literal() + ")";
            }
            return at + kind + attrs.stream().map(a -> a.name() + " = " + a.literal())
                    .collect(Collectors.joining(", ", "(", ")"));
        }

        Ann copy() {
            Ann copy = new Ann(kind);
            copy.attrs.addAll(attrs);
            copy.positional = positional;
            copy.qualified = qualified;
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
    Nesting nesting = Nesting.TOP_LEVEL;
    /** Class annotations in the order written; {@code @Network} among them, or absent. */
    final List<Ann> classAnnotations = new ArrayList<>();
    final List<Field> fields = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final List<Constructor> constructors = new ArrayList<>();
    /** The mutations applied to the valid base, for the report. */
    final List<String> mutations = new ArrayList<>();
    /** A graph case ({@link GraphCases}): judged by the oracle's graph rules. */
    boolean graph;

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

    /** The simple name of the class that carries {@code @Network}. */
    String networkSimpleName() {
        return nesting == Nesting.TOP_LEVEL ? className() : "Net";
    }

    /** Its qualified (canonical) name, as the network index writes it. */
    String networkQualifiedName() {
        return nesting == Nesting.TOP_LEVEL ? qualifiedName() : qualifiedName() + ".Net";
    }

    /** The generated class with this suffix: {@code fuzz.Case7Network}, {@code fuzz.Case7_NetTrainer}. */
    String generated(String suffix) {
        return PACKAGE + "." + (nesting == Nesting.TOP_LEVEL ? className() : className() + "_Net") + suffix;
    }

    /** A non-static class nested in a class: no generated subclass can extend it. */
    boolean isInner() {
        return nesting == Nesting.INNER && shape != Shape.INTERFACE && shape != Shape.ENUM && shape != Shape.RECORD
                && shape != Shape.ANNOTATION_TYPE;
    }

    private int offset() {
        return nesting == Nesting.TOP_LEVEL ? 0 : 1;
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
                return 3 + offset() + i;
            }
        }
        throw new IllegalArgumentException("not a class annotation of " + className());
    }

    int declarationLine() {
        return 3 + offset() + classAnnotations.size();
    }

    int fieldLine(Field field) {
        return declarationLine() + 1 + fields.indexOf(field);
    }

    List<Field> renderedFields() {
        return shape.hasFields() ? fields : List.of();
    }

    List<Member> renderedMembers() {
        return shape.hasFields() ? members : List.of();
    }

    List<Constructor> renderedConstructors() {
        return shape.hasFields() ? constructors : List.of();
    }

    int memberLine(Member member) {
        return declarationLine() + 1 + renderedFields().size() + renderedMembers().indexOf(member);
    }

    int constructorLine(Constructor constructor) {
        return declarationLine() + 1 + renderedFields().size() + renderedMembers().size()
                + renderedConstructors().indexOf(constructor);
    }

    /** An abstract method in a class that is not abstract: javac's error, on the declaration. */
    boolean abstractMemberInConcreteClass() {
        return !shape.isAbstractClass() && renderedMembers().stream().anyMatch(Member::isAbstract);
    }

    /** "private static public abstract class": javac rejects the combination of modifiers. */
    boolean conflictingModifiers() {
        return nesting == Nesting.PRIVATE_STATIC_NESTED && shape == Shape.PUBLIC_ABSTRACT_CLASS;
    }

    boolean hasJavacError() {
        return abstractMemberInConcreteClass() || conflictingModifiers() || classAnnotations.stream().anyMatch(a -> a.javacError != null)
                || renderedFields().stream().anyMatch(f -> f.repeatsAnnotation()
                        || f.annotations.stream().anyMatch(a -> a.javacError != null));
    }

    String render() {
        StringBuilder source = new StringBuilder();
        source.append("package ").append(PACKAGE).append(";\n");
        source.append("import dev.lamina.dsl.*;\n");
        if (nesting != Nesting.TOP_LEVEL) {
            source.append(nesting.wrapper).append(' ').append(className()).append(" {\n");
        }
        for (Ann a : classAnnotations) {
            source.append(a.render()).append('\n');
        }
        source.append(nesting.modifiers).append(String.format(shape.declaration, networkSimpleName())).append(" {\n");
        if (shape == Shape.ENUM) {
            source.append("    A;\n");
        }
        for (Field f : renderedFields()) {
            source.append(f.render()).append('\n');
        }
        for (Member m : renderedMembers()) {
            source.append("    ").append(m.code()).append('\n');
        }
        for (Constructor k : renderedConstructors()) {
            source.append(k.render(networkSimpleName())).append('\n');
        }
        source.append("}\n");
        if (nesting != Nesting.TOP_LEVEL) {
            source.append("}\n");
        }
        return source.toString();
    }

    @Override
    public String toString() {
        return className() + " (seed " + caseSeed + ", mutations " + mutations + ")\n" + render();
    }
}
