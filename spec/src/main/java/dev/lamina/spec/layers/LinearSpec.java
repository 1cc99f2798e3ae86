package dev.lamina.spec.layers;

import dev.lamina.spec.Shape;

import java.util.List;

/** {@code @Linear(in, out)}: PyTorch's {@code nn.Linear}; its weight and bias belong to the stage. */
public record LinearSpec(long in, long out) implements LayerSpec {

    public LinearSpec {
        Checks.positive("Linear", "in", in);
        Checks.positive("Linear", "out", out);
    }

    @Override
    public Shape outputShape(Shape input) {
        Checks.flat(this, input);
        if (input.features() != in) {
            throw new IllegalArgumentException(describe() + " expects " + in + " input features, got "
                    + input.withBatch());
        }
        return Shape.of(out);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("weight", Shape.of(out, in), true),
                new ParameterSpec("bias", Shape.of(out), true));
    }

    @Override
    public long flops(Shape input) {
        return Math.multiplyExact(2, Math.multiplyExact(in, out));
    }

    @Override
    public String describe() {
        return "Linear(" + in + ", " + out + ")";
    }

    @Override
    public String pytorch(Shape input) {
        return "nn.Linear(" + in + ", " + out + ")";
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visitLinear(this);
    }
}
