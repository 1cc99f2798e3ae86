package dev.lamina.processor.parse;

import java.util.List;
import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads annotation attributes through mirrors (never by loading the annotation class), defaults included. */
final class AnnotationValues {

    private final Elements elements;

    AnnotationValues(Elements elements) {
        this.elements = elements;
    }

    AnnotationValue get(AnnotationMirror annotation, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                elements.getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException(
                "@" + annotation.getAnnotationType().asElement().getSimpleName() + " has no attribute " + attribute);
    }

    int getInt(AnnotationMirror annotation, String attribute) {
        return number(annotation, attribute, get(annotation, attribute)).intValue();
    }

    double getDouble(AnnotationMirror annotation, String attribute) {
        return number(annotation, attribute, get(annotation, attribute)).doubleValue();
    }

    String getString(AnnotationMirror annotation, String attribute) {
        Object value = get(annotation, attribute).getValue();
        if (value instanceof String text) {
            return text;
        }
        throw new UnresolvedValueException(simpleName(annotation), attribute, value);
    }

    /**
     * An enum attribute as the processor's own copy of the constant: the enum comes from the annotations
     * jar the processor is built with, so only the constant's name is read from the mirror.
     */
    <E extends Enum<E>> E getEnum(AnnotationMirror annotation, String attribute, Class<E> type) {
        Object value = get(annotation, attribute).getValue();
        if (value instanceof VariableElement constant && constant.getKind() == ElementKind.ENUM_CONSTANT) {
            return Enum.valueOf(type, constant.getSimpleName().toString());
        }
        throw new UnresolvedValueException(simpleName(annotation), attribute, value);
    }

    /** The elements of an array attribute, each a resolved number. */
    List<Number> getNumbers(AnnotationMirror annotation, String attribute) {
        Object value = get(annotation, attribute).getValue();
        if (!(value instanceof List<?> list)) {
            throw new UnresolvedValueException(simpleName(annotation), attribute, value);
        }
        return list.stream().map(v -> number(annotation, attribute, (AnnotationValue) v)).toList();
    }

    /**
     * A numeric value, or {@link UnresolvedValueException} where javac left an error in its place (for
     * an unresolved constant it leaves a non-numeric placeholder).
     */
    private static Number number(AnnotationMirror annotation, String attribute, AnnotationValue value) {
        if (value.getValue() instanceof Number number) {
            return number;
        }
        throw new UnresolvedValueException(simpleName(annotation), attribute, value.getValue());
    }

    private static String simpleName(AnnotationMirror annotation) {
        return annotation.getAnnotationType().asElement().getSimpleName().toString();
    }
}
