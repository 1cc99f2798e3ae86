package dev.lamina.processor.shapes;

import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.FlattenModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.DropoutModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.Shape;

/**
 * A layer with everything inference resolved: the shapes around it, the widths it was left to infer,
 * and its cost per sample.
 *
 * @param features the resolved input width of a Linear or the feature count of a BatchNorm; 0 otherwise
 * @param flops floating point operations of one sample's eval-mode forward pass
 */
public record InferredLayer(
        LayerModel layer,
        Shape input,
        Shape output,
        long features,
        long trainableParameters,
        long nonTrainableParameters,
        long flops) {

    /** The layer as the summary shows it: {@code Linear(784, 300)}, {@code Dropout(0.2)}, {@code ReLU}. */
    public String describe() {
        if (layer instanceof LinearModel linear) {
            return "Linear(" + features + ", " + linear.out() + ")";
        }
        if (layer instanceof BatchNormModel) {
            return "BatchNorm(" + features + ")";
        }
        if (layer instanceof Conv2dModel conv) {
            return "Conv2d(" + features + ", " + conv.out() + ", k" + conv.kernel()
                    + (conv.stride() != 1 ? ", s" + conv.stride() : "")
                    + (conv.padding() != 0 ? ", p" + conv.padding() : "")
                    + (conv.dilation() != 1 ? ", d" + conv.dilation() : "") + ")";
        }
        if (layer instanceof PoolModel pool) {
            return pool.kind() + "(" + pool.kernel() + (pool.stride() != pool.kernel() ? ", s" + pool.stride() : "")
                    + (pool.padding() != 0 ? ", p" + pool.padding() : "") + ")";
        }
        if (layer instanceof FlattenModel) {
            return "Flatten";
        }
        if (layer instanceof DropoutModel dropout) {
            return "Dropout(" + dropout.p() + ")";
        }
        ActivationModel activation = (ActivationModel) layer;
        return activation.activation() == ActivationModel.Activation.LeakyReLU
                ? "LeakyReLU(" + activation.slope() + ")"
                : activation.kind();
    }
}
