package dev.lamina.processor.model;

import dev.lamina.processor.diagnostics.Location;
import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.Merge;

import java.util.List;
import java.util.Map;

import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * A network whose stages say where they read from: its named inputs (or its one {@code input}, named {@code
 * input}) and, for each stage of {@link #network()} in order, its wiring.
 */
public record GraphModel(NetworkModel network, List<InputModel> inputs, List<Wiring> wirings) {

    public GraphModel {
        inputs = List.copyOf(inputs);
        wirings = List.copyOf(wirings);
    }

    /** A named input; {@code location} is its {@code @Input} inside {@code @Network(inputs)}. */
    public record InputModel(String name, Shape shape, Location location) {}

    /**
     * Where a stage reads from.
     *
     * @param from the sources as written; empty: the stage above
     * @param declaration the {@code @From}, {@code @Add} or {@code @Concat} annotation, or null
     * @param residual the {@code @Residual} annotation, or null
     */
    public record Wiring(List<String> from, Merge merge, Source declaration, Source residual) {

        public Wiring {
            from = List.copyOf(from);
        }

        /** The written value naming {@code source}, or the declaration as a whole. */
        public Location at(String source) {
            if (declaration == null) {
                return null;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                    declaration.annotation().getElementValues().entrySet()) {
                Object value = entry.getValue().getValue();
                if (value instanceof List<?> list) {
                    for (Object element : list) {
                        if (element instanceof AnnotationValue written && source.equals(written.getValue())) {
                            return new Location(declaration.element(), declaration.annotation(), written);
                        }
                    }
                } else if (source.equals(value)) {
                    return new Location(declaration.element(), declaration.annotation(), entry.getValue());
                }
            }
            return declaration.at("value");
        }
    }
}
