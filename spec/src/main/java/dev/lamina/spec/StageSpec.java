package dev.lamina.spec;

import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.ParameterSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One stage of a network: the {@code Layer} field it was declared as and its layers, in execution order.
 * Parameters are named {@code <stage>.<parameter>}, so two layers of one stage must not own a parameter
 * of the same name (two Linears, or two BatchNorms).
 */
public record StageSpec(String name, List<LayerSpec> layers) {

    public StageSpec {
        if (!Names.isIdentifier(name)) {
            throw new IllegalArgumentException("a stage name must be a Java identifier, was " + quoted(name));
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(name + ": a stage needs at least one layer");
        }
        Set<String> owned = new HashSet<>();
        for (LayerSpec layer : layers) {
            for (ParameterSpec parameter : layer.parameters()) {
                if (!owned.add(parameter.name())) {
                    throw new IllegalArgumentException(name + " has more than one layer with parameter '"
                            + parameter.name() + "' (" + layer.describe() + "); their parameters would share the name "
                            + name + "." + parameter.name() + ". Put each in its own stage");
                }
            }
        }
    }

    /** Every parameter of the stage under its network name ({@code hidden1.weight}), in order. */
    public List<ParameterSpec> parameters() {
        return layers.stream()
                .flatMap(layer -> layer.parameters().stream())
                .map(p -> new ParameterSpec(name + "." + p.name(), p.shape(), p.trainable()))
                .toList();
    }

    public long parameterCount() {
        return layers.stream().mapToLong(LayerSpec::parameterCount).reduce(0, Math::addExact);
    }

    /** Printable even for the null or control characters a bad name may hold. */
    static String quoted(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("\"");
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.append('"').toString();
    }
}
