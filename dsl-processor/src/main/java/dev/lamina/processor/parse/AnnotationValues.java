package dev.lamina.processor.parse;

import java.util.List;
import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
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
        return ((Number) get(annotation, attribute).getValue()).intValue();
    }

    double getDouble(AnnotationMirror annotation, String attribute) {
        return ((Number) get(annotation, attribute).getValue()).doubleValue();
    }

    String getString(AnnotationMirror annotation, String attribute) {
        return (String) get(annotation, attribute).getValue();
    }

    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> getList(AnnotationMirror annotation, String attribute) {
        return (List<? extends AnnotationValue>) get(annotation, attribute).getValue();
    }
}
