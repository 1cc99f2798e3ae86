package dev.lamina.processor.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The diagnostics found for one network. Each is attached to the element, the annotation and the
 * annotation value at fault, so javac and IDEs underline the exact attribute.
 */
public final class Report {

    private record Entry(
            Problem problem, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Reports a problem on an element. */
    public void report(Problem problem, Element element, Object... arguments) {
        report(problem, new Location(element, null, null), arguments);
    }

    /** Reports a problem at a location: an element, optionally narrowed to an annotation and a value. */
    public void report(Problem problem, Location location, Object... arguments) {
        entries.add(new Entry(problem, problem.message(arguments), location.element(), location.annotation(),
                location.value()));
    }

    public boolean hasErrors() {
        return entries.stream().anyMatch(e -> e.problem().kind() == Diagnostic.Kind.ERROR);
    }

    /** How many errors are reported so far. */
    public long errorCount() {
        return entries.stream().filter(e -> e.problem().kind() == Diagnostic.Kind.ERROR).count();
    }

    /** Whether an error is reported on {@code element} (on it, one of its annotations or values). */
    public boolean hasErrorOn(Element element) {
        return entries.stream().anyMatch(e -> e.problem().kind() == Diagnostic.Kind.ERROR && e.element().equals(element));
    }

    /** Prints every diagnostic, leaving out warnings the user suppressed. */
    public void printTo(Messager messager) {
        for (Entry entry : entries) {
            if (entry.problem().kind() == Diagnostic.Kind.WARNING && isSuppressed(entry)) {
                continue;
            }
            if (entry.value() != null) {
                messager.printMessage(entry.problem().kind(), entry.message(), entry.element(), entry.annotation(),
                        entry.value());
            } else if (entry.annotation() != null) {
                messager.printMessage(entry.problem().kind(), entry.message(), entry.element(), entry.annotation());
            } else {
                messager.printMessage(entry.problem().kind(), entry.message(), entry.element());
            }
        }
    }

    /** {@code @SuppressWarnings("lamina:softmax")} or {@code "lamina"} on the member or any enclosing element. */
    private static boolean isSuppressed(Entry entry) {
        for (Element e = entry.element(); e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null
                    && Arrays.stream(suppress.value())
                            .anyMatch(v -> v.equals(entry.problem().code()) || v.equals("lamina"))) {
                return true;
            }
        }
        return false;
    }
}
