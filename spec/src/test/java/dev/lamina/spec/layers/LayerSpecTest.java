package dev.lamina.spec.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.spec.Shape;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Output shapes, parameters and costs per layer kind, with the numbers PyTorch gives for the same layers. */
class LayerSpecTest {

    @Test
    void convolutionFollowsPyTorchsOutputSizeFormula() {
        // torch.nn.Conv2d(3, 8, 5, stride=2, padding=1, dilation=2)(torch.zeros(1, 3, 28, 30)).shape == (1, 8, 11, 12)
        Conv2dSpec conv = new Conv2dSpec(3, 8, 5, 2, 1, 2);
        assertEquals(Shape.of(8, 11, 12), conv.outputShape(Shape.of(3, 28, 30)));
        assertEquals(List.of(Shape.of(8, 3, 5, 5), Shape.of(8)),
                conv.parameters().stream().map(ParameterSpec::shape).toList());
        assertEquals(8 * 3 * 25 + 8, conv.parameterCount());
        assertEquals(2L * 8 * 3 * 25 * 11 * 12, conv.flops(Shape.of(3, 28, 30)));
    }

    @Test
    void poolingFollowsPyTorchsOutputSizeFormula() {
        // nn.MaxPool2d(3, stride=2, padding=1) on (6, 14, 14) gives (6, 7, 7); nn.AvgPool2d(2) on (6, 7, 7) gives (6, 3, 3)
        assertEquals(Shape.of(6, 7, 7), new MaxPool2dSpec(3, 2, 1).outputShape(Shape.of(6, 14, 14)));
        assertEquals(Shape.of(6, 3, 3), new AvgPool2dSpec(2, 2, 0).outputShape(Shape.of(6, 7, 7)));
        assertEquals(6L * 3 * 3 * 4, new AvgPool2dSpec(2, 2, 0).flops(Shape.of(6, 7, 7)));
    }

    @Test
    void windowsThatDoNotFitAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2dSpec(1, 2, 5, 1, 0, 1).outputShape(Shape.of(1, 4, 4)));
        assertEquals("Conv2d(1, 2, k5) does not fit samples of shape (N, 1, 4, 4)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2dSpec(2, 2, 0).outputShape(Shape.of(10)));
    }

    @Test
    void linearChecksItsInputAndCountsItsWeights() {
        LinearSpec linear = new LinearSpec(784, 300);
        assertEquals(Shape.of(300), linear.outputShape(Shape.of(784)));
        assertEquals(784 * 300 + 300, linear.parameterCount());
        assertEquals(2L * 784 * 300, linear.flops(Shape.of(784)));
        assertEquals("Linear(784, 300) expects 784 input features, got (N, 200)",
                assertThrows(IllegalArgumentException.class, () -> linear.outputShape(Shape.of(200))).getMessage());
        assertEquals("Linear(784, 300) needs flat samples, got (N, 1, 28, 28); add a Flatten before it",
                assertThrows(IllegalArgumentException.class, () -> linear.outputShape(Shape.of(1, 28, 28)))
                        .getMessage());
    }

    @Test
    void batchNormKeepsTwoTrainedAndTwoTrackedVectorsAndPicksItsPyTorchClassByRank() {
        BatchNormSpec batchNorm = new BatchNormSpec(6, 1e-5, 0.1);
        assertEquals(List.of("bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"),
                batchNorm.parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(List.of(true, true, false, false),
                batchNorm.parameters().stream().map(ParameterSpec::trainable).toList());
        assertEquals("nn.BatchNorm1d(6, eps=1e-05, momentum=0.1)", batchNorm.pytorch(Shape.of(6)));
        assertEquals("nn.BatchNorm2d(6, eps=1e-05, momentum=0.1)", batchNorm.pytorch(Shape.of(6, 4, 4)));
        assertEquals(2L * 6 * 16, batchNorm.flops(Shape.of(6, 4, 4)));
    }

    @Test
    void kindsAreTheAnnotationNames() {
        assertEquals("Linear", new LinearSpec(1, 1).kind());
        assertEquals("LeakyReLU", new LeakyReLUSpec(0.01).kind());
        assertEquals("MaxPool2d", new MaxPool2dSpec(2, 2, 0).kind());
        assertEquals("LeakyReLU(0.01)", new LeakyReLUSpec(0.01).describe());
        assertEquals("MaxPool2d(3, s2, p1)", new MaxPool2dSpec(3, 2, 1).describe());
        assertEquals("Conv2d(1, 3, k3, p1)", new Conv2dSpec(1, 3, 3, 1, 1, 1).describe());
    }

    @Test
    void activationsCostPerValueAndOnlySoftmaxAndSigmoidGiveProbabilities() {
        assertEquals(30, new SoftmaxSpec().flops(Shape.of(10)));
        assertEquals(10, new TanhSpec().flops(Shape.of(10)));
        assertTrue(new SoftmaxSpec().outputsProbabilities());
        assertTrue(new SigmoidSpec().outputsProbabilities());
        assertFalse(new ReLUSpec().outputsProbabilities());
        assertEquals("nn.Softmax(dim=1)", new SoftmaxSpec().pytorch(Shape.of(10)));
        assertEquals("nn.GELU()", new GELUSpec().pytorch(Shape.of(10)));
        assertEquals("GELU", new GELUSpec().describe());
        assertEquals(Shape.of(3, 4, 4), new GELUSpec().outputShape(Shape.of(3, 4, 4)));
        assertEquals(50, new GELUSpec().flops(Shape.of(10)));
        assertEquals("nn.LeakyReLU(negative_slope=0.2)", new LeakyReLUSpec(0.2).pytorch(Shape.of(10)));
    }

    @Test
    void outOfRangeValuesAreRejectedWithTheRule() {
        assertEquals("Dropout p must be in [0, 1), was 1.0",
                assertThrows(IllegalArgumentException.class, () -> new DropoutSpec(1.0)).getMessage());
        assertEquals("Linear: out must be positive, was 0",
                assertThrows(IllegalArgumentException.class, () -> new LinearSpec(3, 0)).getMessage());
        assertEquals("MaxPool2d: padding must be between 0 and half the window (1), was 2",
                assertThrows(IllegalArgumentException.class, () -> new MaxPool2dSpec(3, 1, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNormSpec(3, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLUSpec(Double.NaN));
    }

    @Test
    void pythonNumbersAreSpelledAsPythonWould() {
        assertEquals("1e-05", Python.number(1e-5));
        assertEquals("0.1", Python.number(0.1));
        assertEquals("1.5e-07", Python.number(1.5e-7));
        assertEquals("2e+20", Python.number(2e20));
        assertEquals("0.0", Python.number(0.0));
    }
}
