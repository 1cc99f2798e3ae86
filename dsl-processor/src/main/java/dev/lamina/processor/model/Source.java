package dev.lamina.processor.model;

import dev.lamina.processor.diagnostics.Location;

import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** The annotation a model element was read from, so diagnostics can point at its attributes. */
public record Source(Element element, AnnotationMirror annotation) {

    /** The annotation as a whole. */
    public Location location() {
        return Location.of(element, annotation);
    }

    /**
     * One attribute of the annotation: its value if the user wrote it, else the annotation as a whole
     * (a default value has no position in the source).
     */
    public Location at(String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return new Location(element, annotation, entry.getValue());
            }
        }
        return location();
    }

    /** Whether the user wrote the attribute rather than relying on its default. */
    public boolean isExplicit(String attribute) {
        return annotation.getElementValues().keySet().stream()
                .anyMatch(e -> e.getSimpleName().contentEquals(attribute));
    }
}
