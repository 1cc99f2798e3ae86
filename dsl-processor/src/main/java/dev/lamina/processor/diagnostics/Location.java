package dev.lamina.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic points: an element, and where known the annotation on it and the attribute value
 * within that annotation.
 */
public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {

    public static Location of(Element element) {
        return new Location(element, null, null);
    }

    public static Location of(Element element, AnnotationMirror annotation) {
        return new Location(element, annotation, null);
    }
}
