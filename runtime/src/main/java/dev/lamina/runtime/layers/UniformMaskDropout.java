package dev.lamina.runtime.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training each element is kept with probability
 * 1 - p and scaled by 1 / (1 - p), otherwise zeroed; in evaluation the input passes unchanged.
 *
 * <p>Why not DJL's {@code Dropout} (libtorch's {@code dropout}): that draws its mask with
 * {@code bernoulli_}, which in libtorch 2.x takes a 64-bit random number and a double comparison per
 * element, one element at a time. Drawing uniform floats and comparing them with p is the same
 * distribution (an element is kept when its draw u in [0, 1) has u >= p, probability 1 - p) at about half
 * the cost. Autograd sees one multiplication by the scaled mask, so the gradient is that same mask.
 *
 * <p>No Java number may reach an operation autograd records. DJL turns a Java number ({@code
 * x.mul(1.25f)}) into a 0-dim tensor over a direct {@code ByteBuffer} ({@code torch::from_blob}, no
 * copy) and closes it when the operation returns, but autograd saves that tensor for the backward pass:
 * once a garbage collection has let the buffer's Cleaner free the memory, backward reads a freed (or
 * reused) 4 bytes. An earlier version scaled with {@code output.muli(scale)} and so multiplied the
 * gradient by whatever lay there: 1.25 until the first collection that fell between a step's forward and
 * backward pass, then 1.4e-45 or the bits of a heap pointer, which made runs differ from process to
 * process. Here the scalars only meet {@code draws} and the boolean mask, which do not require gradients,
 * and the input is multiplied by a mask libtorch owns.
 */
final class UniformMaskDropout extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float p;
    private final float scale;

    /** {@code p} in [0, 1), which {@link dev.lamina.spec.layers.DropoutSpec} checks before it makes this block. */
    UniformMaskDropout(double p) {
        super(VERSION);
        this.p = (float) p;
        this.scale = (float) (1.0 / (1.0 - p));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        if (!training || p == 0) {
            return inputs;
        }
        NDArray mask;
        try (NDArray draws = input.getManager().randomUniform(0f, 1f, input.getShape(), input.getDataType(),
                        input.getDevice());
                NDArray keep = draws.gte(p)) {
            // bool * float scalar -> float32 {0, scale}: not recorded (neither side requires a gradient),
            // so the scalar's Java buffer is read here and never again.
            mask = keep.mul(scale);
        }
        if (mask.getDataType() != input.getDataType()) {
            NDArray converted = mask.toType(input.getDataType(), false);
            mask.close();
            mask = converted;
        }
        NDArray output = input.mul(mask);
        mask.close(); // autograd holds its own reference to the mask (libtorch memory) for the backward pass
        return new NDList(output);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
