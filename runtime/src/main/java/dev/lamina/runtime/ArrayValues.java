package dev.lamina.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Overwrites an array's values in place, for parameters and optimizer state read from a file. DJL's
 * {@code NDArray.set(Buffer)} does this inside libtorch's deprecated {@code AutoNonVariableTypeMode}, and
 * libtorch then prints a five-line deprecation warning the first time (on the first load or resume of a
 * process) that the user can do nothing about. Here the values become a tensor first and are copied with
 * an indexed assignment (libtorch's {@code index_put_}), in no-grad mode as {@code torch.no_grad()} would
 * do it: the target may be a parameter that requires a gradient.
 */
public final class ArrayValues {

    private ArrayValues() {}

    /** Copies {@code values} (row-major, as many as {@code target} has) into {@code target}. */
    public static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("cannot overwrite an array of shape " + target.getShape() + " with "
                    + values.length + " values");
        }
        try (NDManager scope = target.getManager().newSubManager()) {
            NDArray source = scope.create(values, target.getShape()).toType(target.getDataType(), false);
            boolean gradMode = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                target.set(new NDIndex("..."), source);
            } finally {
                JniUtils.setGradMode(gradMode);
            }
        }
    }
}
