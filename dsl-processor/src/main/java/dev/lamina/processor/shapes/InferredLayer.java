package dev.lamina.processor.shapes;

import dev.lamina.processor.model.LayerModel;
import dev.lamina.spec.Shape;
import dev.lamina.spec.layers.LayerSpec;

import java.util.Optional;

/**
 * A layer annotation with what inference resolved: the shapes around it and, when every value is valid,
 * its {@link LayerSpec}, which the summary, the generated code and the runtime share.
 *
 * @param input the shape flowing in; null where an earlier mistake made it unknowable
 * @param output the shape flowing out; null likewise
 * @param spec null while a value of the layer is out of range or unknowable
 */
public record InferredLayer(LayerModel layer, Shape input, Shape output, LayerSpec spec) {

    public Optional<LayerSpec> resolved() {
        return Optional.ofNullable(spec);
    }

    /** Parameters and running statistics; 0 while unresolved. */
    long parameters(boolean trainable) {
        if (spec == null) {
            return 0;
        }
        return spec.parameters().stream()
                .filter(p -> p.trainable() == trainable)
                .mapToLong(p -> p.shape().size())
                .reduce(0, Math::addExact);
    }

    /** Eval-mode FLOPs of one sample; 0 while unresolved. */
    long flops() {
        return spec == null || input == null ? 0 : spec.flops(input);
    }
}
